using CareFlow.Core.Care;
using CareFlow.Core.Care.Referrals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>
/// Referrals (ServiceRequest + Task). Status changes follow the Gravity rules: the requester sets draft, requested,
/// entered-in-error; the performer (the provider through its link, or the coordinator here on its behalf) the rest. A move the
/// Task state machine forbids (e.g. back to draft) answers 409 and changes nothing.
/// </summary>
public static class ReferralsEndpoints
{
    public static RouteGroupBuilder MapReferrals(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/referrals").WithTags("Referrals");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/status", ChangeStatusAsync).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<List<Referral>>> ListAsync(Guid? caseId, HttpContext http, ICareData data, CancellationToken cancellationToken)
    {
        var caseIds = Caseload.Of(http.User).CaseIds(data);
        var query = data.Query<Referral>().Where(r => caseIds.Contains(r.CaseId));
        if (caseId is { } id) query = query.Where(r => r.CaseId == id);
        return TypedResults.Ok(await data.ToListAsync(query.OrderBy(r => r.RequestedAt).Take(500), cancellationToken));
    }

    private static async Task<Results<Ok<Referral>, NotFound>> GetAsync(Guid id, HttpContext http, ICareData data, CancellationToken cancellationToken)
    {
        var caseIds = Caseload.Of(http.User).CaseIds(data);
        var referral = await data.FirstOrDefaultAsync(data.Query<Referral>().Where(r => r.Id == id && caseIds.Contains(r.CaseId)), cancellationToken);
        return referral is null ? TypedResults.NotFound() : TypedResults.Ok(referral);
    }

    private static async Task<Results<Ok<Referral>, ValidationProblem, NotFound, ProblemHttpResult>> ChangeStatusAsync(Guid id, ReferralStatusBody body, HttpContext http,
        ICareData data, ChangeReferralStatusHandler changeStatus, CancellationToken cancellationToken)
    {
        var caseIds = Caseload.Of(http.User).CaseIds(data);
        if (await data.CountAsync(data.Query<Referral>().Where(r => r.Id == id && caseIds.Contains(r.CaseId)), cancellationToken) == 0) return TypedResults.NotFound();
        if (body?.Status is not { } status) return CareProblems.Field("status", "A status is required.");
        try
        {
            return TypedResults.Ok(await changeStatus.HandleAsync(id, body.Party ?? ReferralParty.Performer, status, body.Reason, body.ReasonText, cancellationToken));
        }
        catch (CareValidationException ex)
        {
            return CareProblems.From(ex);
        }
        catch (ReferralTransitionException ex)
        {
            return CareProblems.Conflict("status", ex.Message);
        }
    }
}
