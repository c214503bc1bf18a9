using CareFlow.Core.Care;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Workflows.Activities;

namespace CareFlow.Core.Activities;

/// <summary>Records a barrier for the systemic-barrier report; from a referral, the provider's reason decides the category.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Log barrier",
    Description = "Records a barrier (cost, eligibility, capacity, …) linked to the need, referral, service and cost option involved.")]
public sealed class LogBarrier(ICareData data) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "The referral it came from; defaults to the ReferralId variable (optional).")]
    public string? ReferralId { get; set; }

    [Input(Description = "The category; FromReferral takes it from the provider's reason.", UIHint = "dropdown", DefaultValue = "FromReferral",
        Options = ["FromReferral", "Cost", "Eligibility", "Capacity", "Documents", "Transport", "Language", "Policy", "Stigma", "Other"])]
    public string Category { get; set; } = "FromReferral";

    [Input(Description = "What happened (no client identity).", UIHint = "multiline")]
    public string? Description { get; set; }

    [Output(Description = "The barrier id.")]
    public string? BarrierId { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var @case = await data.RequireCaseAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        var referralId = CareInputs.OptionalId(context, ReferralId, "ReferralId");
        var referral = referralId is { } id
            ? await data.FindAsync<Referral>(r => r.Id == id, context.CancellationToken) ?? throw CareEntityNotFoundException.For("Referral", id)
            : null;
        BarrierCategory category;
        if (Category == "FromReferral")
            category = referral is null ? throw new ArgumentException("category FromReferral needs a referral.") : ReferralStatusRules.BarrierFor(referral.StatusReason);
        else if (!Enum.TryParse(Category, out category)) throw new ArgumentException($"Unknown barrier category '{Category}'.");
        string? costOptionId = null;
        if (category == BarrierCategory.Cost && referral is not null)
            costOptionId = (await data.FirstOrDefaultAsync(data.Query<CostOption>().Where(c => c.ServiceId == referral.ServiceId), context.CancellationToken))?.Id;
        var barrier = new AccessBarrier
        {
            Id = Guid.CreateVersion7(context.Now), CaseId = @case.Id, Category = category, NeedId = referral?.NeedId, ReferralId = referral?.Id,
            ServiceId = referral?.ServiceId, CostOptionId = costOptionId, RecordedAt = context.Now, RecordedBy = "workflow",
            Description = Description ?? (referral is null ? category.ToString() : $"Referral {referral.Reference} {ReferralStatusRules.Code(referral.Status)}: {referral.StatusReason} {referral.StatusReasonText}".Trim()),
        };
        data.Add(barrier);
        BarrierId = barrier.Id.ToString();
        return ActivityResult.Done;
    }
}
