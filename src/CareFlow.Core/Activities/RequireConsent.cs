using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Directory;
using CareFlow.Workflows.Activities;

namespace CareFlow.Core.Activities;

/// <summary>No disclosure without a current consent naming the recipient; when there is none, the case says why.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Require consent", HasNamedOutcomesOnly = true,
    Description = "Checks for a 42 CFR Part 2 consent naming the service's organisation or referral email: valid, missing or expired, or revoked.")]
[FlowPort("Valid")]
[FlowPort("MissingOrExpired", DisplayName = "Missing or expired")]
[FlowPort("Revoked")]
public sealed class RequireConsent(ICareData data) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "The directory service whose organisation receives the disclosure; defaults to the ServiceId variable.")]
    public string? ServiceId { get; set; }

    [Output(Description = "The consent that covers the disclosure.")]
    public string? ConsentId { get; set; }

    [Output(Description = "Why (shown on the case when blocked).")]
    public string? Reason { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (@case, client) = await data.RequireCaseAndClientAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        var serviceId = string.IsNullOrWhiteSpace(ServiceId) ? ReadVariable(context, "ServiceId") : ServiceId;
        var service = await data.FirstOrDefaultAsync(data.Query<Service>().Where(s => s.Id == serviceId), context.CancellationToken)
            ?? throw CareEntityNotFoundException.For("Directory service", serviceId ?? "(none)");
        var organization = await data.FirstOrDefaultAsync(data.Query<Organization>().Where(o => o.Id == service.OrganizationId), context.CancellationToken);
        var consents = await data.ToListAsync(data.Query<Consent>().Where(c => c.ClientId == client.Id), context.CancellationToken);
        var check = ConsentRules.Check(consents, service.OrganizationId, service.ReferralEmail, context.Now);
        var recipient = $"{organization?.Name ?? service.OrganizationId} ({service.ReferralEmail ?? "no referral email"})";
        ConsentId = check.ConsentId?.ToString();
        Reason = check.Verdict == ConsentVerdict.Valid ? check.Reason : $"Referral to {service.Name} blocked: {check.Reason[..^1]} — {recipient}.";
        if (check.Verdict == ConsentVerdict.Valid)
        {
            if (@case.Status == CaseStatus.Blocked) @case.Status = CaseStatus.Open;
            @case.BlockedReason = null;
            return ActivityResult.WithOutcomes("Valid");
        }

        @case.Status = CaseStatus.Blocked;
        @case.BlockedReason = Reason;
        CaseJournal.Record(data, @case.Id, context.Now, "consent-blocked", Reason);
        return ActivityResult.WithOutcomes(check.Verdict == ConsentVerdict.Revoked ? "Revoked" : "MissingOrExpired");
    }

    internal static string? ReadVariable(ActivityContext context, string name) =>
        context.Scope.FindByName(name) is { } v && context.Scope.Get(v.Id) is { } node && node.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? node.GetValue<string>() : null;
}
