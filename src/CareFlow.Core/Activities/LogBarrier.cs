using CareFlow.Core.Care;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Workflows.Activities;

namespace CareFlow.Core.Activities;

/// <summary>
/// Records the barrier a provider stated when it turned a referral down (rejected or failed, with its reason), under
/// the provider organisation's name: the provider said it, not the workflow. A referral that ended otherwise (timed
/// out, withdrawn by the coordinator) records nothing here; the coordinator records what they found on the case page.
/// </summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Log barrier",
    Description = "Records the barrier a provider stated when rejecting (or failing) a referral, under the provider's name, linked to the need, referral, service and cost option; records nothing when no provider said anything.")]
public sealed class LogBarrier(ICareData data, RecordBarrierHandler barriers) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "The referral the provider answered; defaults to the ReferralId variable.")]
    public string? ReferralId { get; set; }

    [Input(Description = "The category; FromReferral takes it from the provider's reason.", UIHint = "dropdown", DefaultValue = "FromReferral",
        Options = ["FromReferral", "Cost", "Eligibility", "Capacity", "Documents", "Transport", "Language", "Policy", "Stigma", "Other"])]
    public string Category { get; set; } = "FromReferral";

    [Input(Description = "What happened (no client identity); defaults to the provider's answer.", UIHint = "multiline")]
    public string? Description { get; set; }

    [Output(Description = "The barrier id (empty when nothing was recorded).")]
    public string? BarrierId { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var @case = await data.RequireCaseAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        var referralId = CareInputs.OptionalId(context, ReferralId, "ReferralId");
        var referral = referralId is { } id
            ? await data.FindAsync<Referral>(r => r.Id == id, context.CancellationToken) ?? throw CareEntityNotFoundException.For("Referral", id)
            : null;

        // Only a provider's own answer is a barrier the workflow may record, and it is the provider's statement.
        if (referral is null || referral.Status is not (ReferralTaskStatus.Rejected or ReferralTaskStatus.Failed))
        {
            context.Log("NoBarrier", referral is null
                ? "No referral: nobody stated a barrier, so none is recorded (coordinators record barriers on the case page)."
                : $"Referral {referral.Reference} is {ReferralStatusRules.Code(referral.Status)}: no provider stated a barrier, so none is recorded.");
            return ActivityResult.Done;
        }

        BarrierCategory category;
        if (Category == "FromReferral") category = ReferralStatusRules.BarrierFor(referral.StatusReason);
        else if (!Enum.TryParse(Category, out category)) throw new ArgumentException($"Unknown barrier category '{Category}'.");
        string? costOptionId = null;
        if (category == BarrierCategory.Cost)
            costOptionId = (await data.FirstOrDefaultAsync(data.Query<CostOption>().Where(c => c.ServiceId == referral.ServiceId), context.CancellationToken))?.Id;
        var provider = await data.FirstOrDefaultAsync(data.Query<Organization>().Where(o => o.Id == referral.OrganizationId), context.CancellationToken);
        var description = string.IsNullOrWhiteSpace(Description)
            ? $"Referral {referral.Reference} {ReferralStatusRules.Code(referral.Status)}: {referral.StatusReason} {referral.StatusReasonText}".Trim()
            : Description;
        var barrier = await barriers.RecordAsync(@case.Id, new NewBarrier(category, description, referral.NeedId, referral.Id, referral.ServiceId, costOptionId),
            provider?.Name is { Length: > 0 } name ? name : referral.OrganizationId, context.CancellationToken);
        BarrierId = barrier.Id.ToString();
        return ActivityResult.Done;
    }
}
