using CareFlow.Core.Care;
using CareFlow.Core.Care.Consents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>42 CFR Part 2 consents: record (§2.31 fields), list per client, revoke (cascades to open referrals).</summary>
public static class ConsentsEndpoints
{
    public static RouteGroupBuilder MapConsents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Consents");
        group.MapGet("/clients/{clientId:guid}/consents", ListAsync);
        group.MapPost("/clients/{clientId:guid}/consents", RecordAsync);
        group.MapPost("/consents/{id:guid}/revoke", RevokeAsync);
        return api;
    }

    private static async Task<Results<Ok<List<Consent>>, NotFound>> ListAsync(Guid clientId, HttpContext http, ICareData data, CancellationToken cancellationToken)
    {
        if (!await Caseload.Of(http.User).CanSeeClientAsync(data, clientId, cancellationToken)) return TypedResults.NotFound();
        return TypedResults.Ok(await data.ToListAsync(data.Query<Consent>().Where(c => c.ClientId == clientId).OrderByDescending(c => c.SignedAt), cancellationToken));
    }

    private static async Task<Results<Created<Consent>, ValidationProblem, NotFound>> RecordAsync(Guid clientId, ConsentBody body, HttpContext http,
        ICareData data, RecordConsentHandler recordConsent, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await Caseload.Of(http.User).CanSeeClientAsync(data, clientId, cancellationToken)) return TypedResults.NotFound();
        if (body is null) return CareProblems.Field("body", "A JSON body is required.");
        try
        {
            var consent = await recordConsent.HandleAsync(body.ToConsent(clientId, time.GetUtcNow()), CareProblems.By(http), cancellationToken);
            return TypedResults.Created($"/api/clients/{clientId}/consents", consent);
        }
        catch (CareValidationException ex)
        {
            return CareProblems.From(ex);
        }
    }

    private static async Task<Results<Ok<Consent>, ValidationProblem, NotFound>> RevokeAsync(Guid id, RevokeBody? body, HttpContext http,
        ICareData data, RevokeConsentHandler revokeConsent, CancellationToken cancellationToken)
    {
        var consent = await data.FirstOrDefaultAsync(data.Query<Consent>().Where(c => c.Id == id), cancellationToken);
        if (consent is null || !await Caseload.Of(http.User).CanSeeClientAsync(data, consent.ClientId, cancellationToken)) return TypedResults.NotFound();
        try
        {
            return TypedResults.Ok(await revokeConsent.HandleAsync(id, body?.Method, cancellationToken));
        }
        catch (CareValidationException ex)
        {
            return CareProblems.From(ex);
        }
    }
}
