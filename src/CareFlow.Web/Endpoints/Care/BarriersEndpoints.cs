using CareFlow.Core.Care;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>Barriers (categorised by <c>BarrierCategory</c>) linked to need, referral, service and cost option.</summary>
public static class BarriersEndpoints
{
    public static RouteGroupBuilder MapBarriers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Barriers");
        group.MapGet("/barriers", ListAsync);
        group.MapPost("/cases/{caseId:guid}/barriers", AddAsync);
        return api;
    }

    private static async Task<Ok<List<AccessBarrier>>> ListAsync(Guid? caseId, BarrierCategory? category, HttpContext http, ICareData data, CancellationToken cancellationToken)
    {
        var caseIds = Caseload.Of(http.User).CaseIds(data);
        var query = data.Query<AccessBarrier>().Where(b => caseIds.Contains(b.CaseId));
        if (caseId is { } id) query = query.Where(b => b.CaseId == id);
        if (category is { } c) query = query.Where(b => b.Category == c);
        return TypedResults.Ok(await data.ToListAsync(query.OrderBy(b => b.RecordedAt).Take(1000), cancellationToken));
    }

    private static async Task<Results<Created<AccessBarrier>, ValidationProblem, NotFound>> AddAsync(Guid caseId, BarrierBody body, HttpContext http,
        ICareData data, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await Caseload.Of(http.User).CanSeeCaseAsync(data, caseId, cancellationToken)) return TypedResults.NotFound();
        if (body?.Category is not { } category) return CareProblems.Field("category", $"Category is required: {string.Join(", ", Enum.GetNames<BarrierCategory>())}.");
        if (string.IsNullOrWhiteSpace(body.Description)) return CareProblems.Field("description", "Describe the barrier (no client identity).");
        if (body.ServiceId is { } sid && await data.CountAsync(data.Query<Service>().Where(s => s.Id == sid), cancellationToken) == 0)
            return CareProblems.Field("serviceId", $"Unknown directory service '{sid}'.");
        if (body.CostOptionId is { } cid && await data.CountAsync(data.Query<CostOption>().Where(c => c.Id == cid), cancellationToken) == 0)
            return CareProblems.Field("costOptionId", $"Unknown cost option '{cid}'.");
        var barrier = new AccessBarrier
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), CaseId = caseId, Category = category, NeedId = body.NeedId, ReferralId = body.ReferralId,
            ServiceId = body.ServiceId, CostOptionId = body.CostOptionId, Description = body.Description.Trim(), RecordedAt = time.GetUtcNow(), RecordedBy = CareProblems.By(http),
        };
        data.Add(barrier);
        await data.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/barriers?caseId={caseId}", barrier);
    }
}
