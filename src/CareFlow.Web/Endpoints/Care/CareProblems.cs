using CareFlow.Core.Care;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>problem+json for refused input: the errors object names the field.</summary>
internal static class CareProblems
{
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request was refused.", detail: message);

    public static ValidationProblem From(CareValidationException ex) => Field(ex.Field.Length == 0 ? "request" : ex.Field, ex.Message);

    public static string By(HttpContext context) => context.User.Identity?.Name ?? "unknown";
}
