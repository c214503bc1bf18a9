using CareFlow.Core.Care;
using CareFlow.Core.Care.Barriers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>Barriers (categorised by <c>BarrierCategory</c>) linked to need, referral, service and cost option; open until resolved.</summary>
public static class BarriersEndpoints
{
    public static RouteGroupBuilder MapBarriers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Barriers");
        group.MapGet("/barriers", ListAsync);
        group.MapPost("/cases/{caseId:guid}/barriers", AddAsync);
        group.MapPost("/cases/{caseId:guid}/barriers/{barrierId:guid}/resolve", ResolveAsync).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<List<AccessBarrier>>> ListAsync(Guid? caseId, BarrierCategory? category, BarrierStatus? status, HttpContext http, ICareData data, CancellationToken cancellationToken)
    {
        var caseIds = Caseload.Of(http.User).CaseIds(data);
        var query = data.Query<AccessBarrier>().Where(b => caseIds.Contains(b.CaseId));
        if (caseId is { } id) query = query.Where(b => b.CaseId == id);
        if (category is { } c) query = query.Where(b => b.Category == c);
        if (status is { } s) query = query.Where(b => b.Status == s);
        return TypedResults.Ok(await data.ToListAsync(query.OrderBy(b => b.RecordedAt).Take(1000), cancellationToken));
    }

    private static async Task<Results<Created<AccessBarrier>, ValidationProblem, NotFound>> AddAsync(Guid caseId, BarrierBody body, HttpContext http,
        ICareData data, RecordBarrierHandler recordBarrier, CancellationToken cancellationToken)
    {
        if (!await Caseload.Of(http.User).CanSeeCaseAsync(data, caseId, cancellationToken)) return TypedResults.NotFound();
        try
        {
            var barrier = await recordBarrier.HandleAsync(caseId,
                new NewBarrier(body?.Category, body?.Description, body?.NeedId, body?.ReferralId, body?.ServiceId, body?.CostOptionId, body?.CostAmount, body?.Status, body?.Resolution),
                CareProblems.By(http), cancellationToken);
            return TypedResults.Created($"/api/barriers?caseId={caseId}", barrier);
        }
        catch (CareValidationException ex)
        {
            return CareProblems.From(ex);
        }
    }

    private static async Task<Results<Ok<AccessBarrier>, ValidationProblem, NotFound, ProblemHttpResult>> ResolveAsync(Guid caseId, Guid barrierId, ResolveBarrierBody body,
        HttpContext http, ICareData data, ResolveBarrierHandler resolveBarrier, CancellationToken cancellationToken)
    {
        if (!await Caseload.Of(http.User).CanSeeCaseAsync(data, caseId, cancellationToken)) return TypedResults.NotFound();
        try
        {
            return await resolveBarrier.HandleAsync(caseId, barrierId, body?.Resolution, CareProblems.By(http), cancellationToken) is { } resolved
                ? TypedResults.Ok(resolved)
                : TypedResults.NotFound();
        }
        catch (CareValidationException ex)
        {
            return CareProblems.From(ex);
        }
        catch (BarrierAlreadyResolvedException ex)
        {
            return CareProblems.Conflict("status", ex.Message);
        }
    }
}
