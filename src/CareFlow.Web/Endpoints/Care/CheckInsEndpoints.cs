using CareFlow.Core.Care;
using CareFlow.Core.Care.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>Recording a check-in's outcome (stabilization or follow-up) resumes the workflow waiting on it.</summary>
public static class CheckInsEndpoints
{
    public static RouteGroupBuilder MapCheckIns(this RouteGroupBuilder api)
    {
        api.MapPost("/check-ins/{id:guid}/outcome", RecordAsync).WithTags("Check-ins");
        return api;
    }

    private static async Task<Results<Ok<CheckIn>, ValidationProblem, NotFound>> RecordAsync(Guid id, CheckInBody body, HttpContext http,
        ICareData data, RecordCheckInHandler recordCheckIn, CancellationToken cancellationToken)
    {
        var caseIds = Caseload.Of(http.User).CaseIds(data);
        if (await data.CountAsync(data.Query<CheckIn>().Where(c => c.Id == id && caseIds.Contains(c.CaseId)), cancellationToken) == 0) return TypedResults.NotFound();
        try
        {
            return TypedResults.Ok(await recordCheckIn.HandleAsync(id, body?.Outcome, body?.Notes, CareProblems.By(http), cancellationToken));
        }
        catch (CareValidationException ex)
        {
            return CareProblems.From(ex);
        }
    }
}
