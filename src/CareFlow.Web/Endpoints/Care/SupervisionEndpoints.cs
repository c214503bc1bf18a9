using CareFlow.Core.Care;
using CareFlow.Core.Care.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>
/// Supervisor operations on records: reassign a case to another coordinator (<c>POST /api/cases/{id}/coordinator</c>)
/// and merge a duplicate client record into the one kept (<c>POST /api/clients/{id}/merge</c>). Supervisors, admins and
/// API keys only; a coordinator gets 403 whatever the ids.
/// </summary>
public static class SupervisionEndpoints
{
    public static RouteGroupBuilder MapSupervision(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{id:guid}/coordinator", ReassignAsync).WithTags("Supervision");
        api.MapPost("/clients/{id:guid}/merge", MergeAsync).WithTags("Supervision").ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>403 problem+json naming <paramref name="field"/>: the caller's role may not do this.</summary>
    internal static ProblemHttpResult Forbidden(string field, string message) => TypedResults.Problem(title: "Not allowed for your role.", detail: message,
        statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    private static async Task<Results<Ok<CaseReassignment>, ValidationProblem, ProblemHttpResult, NotFound>> ReassignAsync(Guid id, ReassignBody? body, HttpContext http,
        ICareData data, ReassignCaseHandler reassign, CancellationToken cancellationToken)
    {
        var caseload = Caseload.Of(http.User);
        if (!caseload.SeesAll) return Forbidden("coordinatorId", "Only supervisors and admins reassign cases.");
        if (body is null) return CareProblems.Field("body", "A JSON body is required.");
        if (!await caseload.CanSeeCaseAsync(data, id, cancellationToken)) return TypedResults.NotFound();
        try
        {
            return TypedResults.Ok(await reassign.HandleAsync(id, body.CoordinatorId, body.Reason, CareProblems.By(http), cancellationToken));
        }
        catch (CareValidationException ex)
        {
            return CareProblems.From(ex);
        }
    }

    private static async Task<Results<Ok<ClientMerge>, ValidationProblem, ProblemHttpResult>> MergeAsync(Guid id, MergeBody? body, HttpContext http,
        MergeClientsHandler merge, CancellationToken cancellationToken)
    {
        if (!Caseload.Of(http.User).SeesAll) return Forbidden("mergedId", "Only supervisors and admins merge client records.");
        if (body is null) return CareProblems.Field("body", "A JSON body is required.");
        if (body.MergedId is not { } mergedId) return CareProblems.Field("mergedId", "Name the client record to merge into this one.");
        try
        {
            return TypedResults.Ok(await merge.HandleAsync(id, mergedId, CareProblems.By(http), body.Reason, cancellationToken));
        }
        catch (CareValidationException ex)
        {
            return CareProblems.From(ex);
        }
        catch (SupervisionConflictException ex)
        {
            return CareProblems.Conflict(ex.Field, ex.Message);
        }
    }
}
