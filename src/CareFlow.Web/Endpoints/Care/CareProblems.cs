using CareFlow.Core.Care;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>problem+json for refused input: the errors object names the field.</summary>
internal static class CareProblems
{
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request was refused.", detail: message);

    /// <summary>409: the request is well formed but conflicts with the current state (e.g. a referral status change the state machine forbids).</summary>
    public static ProblemHttpResult Conflict(string field, string message) => TypedResults.Problem(title: "The request conflicts with the current state.", detail: message,
        statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    public static ValidationProblem From(CareValidationException ex) => ex.Errors.Count > 0
        ? TypedResults.ValidationProblem(ex.Errors, title: "The request was refused.", detail: ex.Message)
        : Field(ex.Field.Length == 0 ? "request" : ex.Field, ex.Message);

    public static string By(HttpContext context) => context.User.Identity?.Name ?? "unknown";
}
