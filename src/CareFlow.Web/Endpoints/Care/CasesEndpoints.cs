using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Screening;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary><c>/api/cases</c>: the caller's caseload, one case with its needs, timeline and check-ins.</summary>
public static class CasesEndpoints
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases").WithTags("Cases");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        return api;
    }

    private static async Task<Ok<List<Case>>> ListAsync(CaseStatus? status, CaseStage? stage, HttpContext http, ICareData data, CancellationToken cancellationToken)
    {
        var query = Caseload.Of(http.User).Cases(data);
        if (status is { } s) query = query.Where(c => c.Status == s);
        if (stage is { } st) query = query.Where(c => c.Stage == st);
        return TypedResults.Ok(await data.ToListAsync(query.OrderBy(c => c.OpenedAt).Take(500), cancellationToken));
    }

    private static async Task<Results<Ok<CaseDetail>, NotFound>> GetAsync(Guid id, HttpContext http, ICareData data, CancellationToken cancellationToken)
    {
        var @case = await data.FirstOrDefaultAsync(Caseload.Of(http.User).Cases(data).Where(c => c.Id == id), cancellationToken);
        if (@case is null) return TypedResults.NotFound();
        var needs = await data.ToListAsync(data.Query<Need>().Where(n => n.CaseId == id).OrderBy(n => n.IdentifiedAt), cancellationToken);
        var timeline = await data.ToListAsync(data.Query<CaseEvent>().Where(e => e.CaseId == id).OrderBy(e => e.At), cancellationToken);
        var checkIns = await data.ToListAsync(data.Query<CheckIn>().Where(c => c.CaseId == id).OrderBy(c => c.DueAt), cancellationToken);
        return TypedResults.Ok(new CaseDetail(@case, needs, checkIns, timeline));
    }
}
