using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Screening;
using CareFlow.Workflows.Activities;

namespace CareFlow.Core.Activities;

/// <summary>Records an outcome on the case: of a referral (its need met or not) or of a follow-up.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Record outcome",
    Description = "Records an outcome (e.g. service received) as a follow-up entry; with a referral, marks its need met or open again.")]
public sealed class RecordOutcome(ICareData data) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "The referral the outcome is about; defaults to the ReferralId variable (optional).")]
    public string? ReferralId { get; set; }

    [Input(Description = "The outcome.", UIHint = "dropdown", Required = true,
        Options = ["Stable", "Improving", "NeedsSupport", "ServiceReceived", "ServiceNotReceived", "Missed", "Unreachable"])]
    public string? Outcome { get; set; }

    [Input(Description = "A note (no clinical detail).", UIHint = "multiline")]
    public string? Notes { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!Enum.TryParse<CheckInOutcome>(Outcome, out var outcome)) throw new ArgumentException($"Unknown outcome '{Outcome}'.");
        var @case = await data.RequireCaseAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        var label = "Outcome";
        if (CareInputs.OptionalId(context, ReferralId, "ReferralId") is { } referralId)
        {
            var referral = await data.FindAsync<Referral>(r => r.Id == referralId, context.CancellationToken)
                ?? throw CareEntityNotFoundException.For("Referral", referralId);
            label = $"Referral {referral.Reference}";
            if (referral.NeedId is { } needId && await data.FirstOrDefaultAsync(data.Query<Need>().Where(n => n.Id == needId), context.CancellationToken) is { } need)
                need.Status = outcome == CheckInOutcome.ServiceReceived ? NeedStatus.Met : NeedStatus.Open;
        }

        data.Add(new CheckIn
        {
            Id = Guid.CreateVersion7(context.Now), CaseId = @case.Id, Kind = CheckInKind.FollowUp, Label = label,
            DueAt = context.Now, HeldAt = context.Now, Outcome = outcome, Notes = Notes,
        });
        CaseJournal.Record(data, @case.Id, context.Now, "outcome", $"{label}: {outcome}.");
        return ActivityResult.Done;
    }
}
