using CareFlow.Core.Care;
using CareFlow.Core.Care.Advocacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>A case's advocacy log: what the coordinator did for the client, by kind.</summary>
public static class AdvocacyEndpoints
{
    public static RouteGroupBuilder MapAdvocacy(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases/{caseId:guid}/advocacy").WithTags("Advocacy");
        group.MapGet("/", ListAsync);
        group.MapPost("/", AddAsync);
        return api;
    }

    private static async Task<Results<Ok<List<AdvocacyEntry>>, NotFound>> ListAsync(Guid caseId, HttpContext http, ICareData data, CancellationToken cancellationToken)
    {
        if (!await Caseload.Of(http.User).CanSeeCaseAsync(data, caseId, cancellationToken)) return TypedResults.NotFound();
        return TypedResults.Ok(await data.ToListAsync(data.Query<AdvocacyEntry>().Where(a => a.CaseId == caseId).OrderBy(a => a.At), cancellationToken));
    }

    private static async Task<Results<Created<AdvocacyEntry>, ValidationProblem, NotFound>> AddAsync(Guid caseId, AdvocacyBody body, HttpContext http,
        ICareData data, RecordAdvocacyHandler recordAdvocacy, CancellationToken cancellationToken)
    {
        if (!await Caseload.Of(http.User).CanSeeCaseAsync(data, caseId, cancellationToken)) return TypedResults.NotFound();
        try
        {
            var entry = await recordAdvocacy.HandleAsync(caseId, body?.Kind, body?.Note, body?.WithWhom, CareProblems.By(http), cancellationToken);
            return TypedResults.Created($"/api/cases/{caseId}/advocacy", entry);
        }
        catch (CareValidationException ex)
        {
            return CareProblems.From(ex);
        }
    }
}
