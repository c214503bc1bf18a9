using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Referrals;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Core.Activities;

/// <summary>After acceptance, waits until the provider completes the referral (or it fails, or a deadline passes).</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Wait for referral completion", HasNamedOutcomesOnly = true,
    Description = "Waits for the referral's Task to reach completed, or failed/cancelled, or the deadline.")]
[FlowPort("Completed")]
[FlowPort("NotCompleted", DisplayName = "Not completed")]
[FlowPort("TimedOut", DisplayName = "Timed out")]
public sealed class WaitForReferralCompletion(ICareData data) : Activity
{
    [Input(Description = "The referral; defaults to the ReferralId variable.")]
    public string? ReferralId { get; set; }

    [Input(Description = "How long the service may take, e.g. 30.00:00:00.", DefaultValue = "30.00:00:00")]
    public TimeSpan Deadline { get; set; } = TimeSpan.FromDays(30);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (Deadline <= TimeSpan.Zero) throw new ArgumentException("deadline must be positive.");
        var referral = await LoadAsync(context, CareInputs.RequiredId(context, ReferralId, "referralId", "ReferralId"));
        if (Finished(referral) is { } done) return ActivityResult.WithOutcomes(done);
        var payload = new JsonObject { ["referralId"] = referral.Id.ToString() };
        context.CreateBookmark(CareBookmarks.ReferralFinished, referral.Id.ToString(), payload);
        context.CreateBookmark(CareBookmarks.ReferralDeadline, referral.Id.ToString(), (JsonObject)payload.DeepClone(), context.Now + Deadline);
        return ActivityResult.Suspend;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input)
    {
        var referral = await LoadAsync(context, Guid.Parse(bookmark.Payload!["referralId"]!.GetValue<string>()));
        if (Finished(referral) is { } done) return ActivityResult.WithOutcomes(done);
        if (bookmark.Name == CareBookmarks.ReferralDeadline) return ActivityResult.WithOutcomes("TimedOut");
        context.CreateBookmark(CareBookmarks.ReferralFinished, referral.Id.ToString(), new JsonObject { ["referralId"] = referral.Id.ToString() });
        return ActivityResult.Suspend;
    }

    private static string? Finished(Referral referral) => referral.Status switch
    {
        ReferralTaskStatus.Completed => "Completed",
        ReferralTaskStatus.Failed or ReferralTaskStatus.Cancelled or ReferralTaskStatus.Rejected or ReferralTaskStatus.EnteredInError => "NotCompleted",
        _ => null,
    };

    private async Task<Referral> LoadAsync(ActivityContext context, Guid referralId) =>
        await data.FindAsync<Referral>(r => r.Id == referralId, context.CancellationToken)
            ?? throw CareEntityNotFoundException.For("Referral", referralId);
}
