using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Referrals;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Runtime;
using CareFlow.Core.Email;

namespace CareFlow.Core.Activities;

/// <summary>Waits for the provider's answer with a response deadline in business days and one reminder before it.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Wait for provider response", HasNamedOutcomesOnly = true,
    Description = "Waits until the provider accepts or rejects the referral; reminds the provider, and times out after the deadline (business days).")]
[FlowPort("Accepted")]
[FlowPort("Rejected")]
[FlowPort("TimedOut", DisplayName = "Timed out")]
public sealed class WaitForProviderResponse(ICareData data, ReferralEmails emails) : Activity
{
    [Input(Description = "The referral; defaults to the ReferralId variable.")]
    public string? ReferralId { get; set; }

    [Input(Description = "Business days the provider has to answer.", DefaultValue = 2)]
    public int DeadlineBusinessDays { get; set; } = 2;

    [Input(Description = "Business days after which the provider is reminded (0: no reminder).", DefaultValue = 1)]
    public int ReminderBusinessDays { get; set; } = 1;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (DeadlineBusinessDays < 1) throw new ArgumentException("deadlineBusinessDays must be at least 1.");
        if (ReminderBusinessDays < 0 || ReminderBusinessDays >= DeadlineBusinessDays) throw new ArgumentException("reminderBusinessDays must be 0 or less than deadlineBusinessDays.");
        var referral = await LoadAsync(context, CareInputs.RequiredId(context, ReferralId, "referralId", "ReferralId"));
        if (Answer(referral) is { } answered) return ActivityResult.WithOutcomes(answered);
        var stimulus = referral.Id.ToString();
        var payload = new JsonObject { ["referralId"] = stimulus };
        referral.ResponseDueAt = BusinessDays.Add(context.Now, DeadlineBusinessDays);
        context.CreateBookmark(CareBookmarks.ProviderResponse, stimulus, payload);
        context.CreateBookmark(CareBookmarks.ProviderDeadline, stimulus, (JsonObject)payload.DeepClone(), referral.ResponseDueAt);
        if (ReminderBusinessDays > 0) context.CreateBookmark(CareBookmarks.ProviderReminder, stimulus, (JsonObject)payload.DeepClone(), BusinessDays.Add(context.Now, ReminderBusinessDays));
        return ActivityResult.Suspend;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input)
    {
        var referral = await LoadAsync(context, Guid.Parse(bookmark.Payload!["referralId"]!.GetValue<string>()));
        switch (bookmark.Name)
        {
            case CareBookmarks.ProviderReminder:
                if (Answer(referral) is { } early) return ActivityResult.WithOutcomes(early);
                await NotifyProvider.AddAsync(data, emails, referral.Id, ProviderNotificationKind.Reminder, context.Now, context.CancellationToken);
                CaseJournal.Record(data, referral.CaseId, context.Now, "provider-reminded", $"Provider reminded about referral {referral.Reference}.");
                return ActivityResult.Suspend;
            case CareBookmarks.ProviderDeadline:
                if (Answer(referral) is { } late) return ActivityResult.WithOutcomes(late);
                CaseJournal.Record(data, referral.CaseId, context.Now, "provider-timed-out", $"No answer to referral {referral.Reference} by {referral.ResponseDueAt:yyyy-MM-dd}.");
                return ActivityResult.WithOutcomes("TimedOut");
            default:
                if (Answer(referral) is { } outcome) return ActivityResult.WithOutcomes(outcome);

                // A signal without a decision (e.g. on-hold): keep waiting for the real answer.
                context.CreateBookmark(CareBookmarks.ProviderResponse, referral.Id.ToString(), new JsonObject { ["referralId"] = referral.Id.ToString() });
                return ActivityResult.Suspend;
        }
    }

    private static string? Answer(Referral referral) => referral.Status switch
    {
        ReferralTaskStatus.Accepted or ReferralTaskStatus.InProgress or ReferralTaskStatus.Completed => "Accepted",
        ReferralTaskStatus.Rejected or ReferralTaskStatus.Cancelled or ReferralTaskStatus.Failed or ReferralTaskStatus.EnteredInError => "Rejected",
        _ => null,
    };

    private async Task<Referral> LoadAsync(ActivityContext context, Guid referralId) =>
        await data.FindAsync<Referral>(r => r.Id == referralId, context.CancellationToken)
            ?? throw CareEntityNotFoundException.For("Referral", referralId);
}
