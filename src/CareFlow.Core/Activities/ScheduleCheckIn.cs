using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Plans;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Runtime;
using CareFlow.Core.Reminders;

namespace CareFlow.Core.Activities;

/// <summary>Schedules a check-in and waits for its outcome; reminds when due, and marks it missed after a grace period.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Schedule check-in", HasNamedOutcomesOnly = true,
    Description = "Schedules a check-in (relative to now or to the workflow's start), reminds the coordinator when due, and waits: Stable (held, client stable), Held (other outcomes) or Missed.")]
[FlowPort("Stable")]
[FlowPort("Held", DisplayName = "Held, not stable")]
[FlowPort("Missed")]
public sealed class ScheduleCheckIn(ICareData data, CoordinatorReminders reminders) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "Stabilization or follow-up.", UIHint = "dropdown", Options = ["Stabilization", "FollowUp"], DefaultValue = "Stabilization")]
    public string Kind { get; set; } = nameof(CheckInKind.Stabilization);

    [Input(Description = "A label, e.g. 'day 7'.")]
    public string? Label { get; set; }

    [Input(Description = "When it is due, e.g. 7.00:00:00.", DefaultValue = "7.00:00:00")]
    public TimeSpan DueAfter { get; set; } = TimeSpan.FromDays(7);

    [Input(Description = "What DueAfter counts from.", UIHint = "dropdown", Options = ["Now", "WorkflowStart"], DefaultValue = "Now")]
    public string Relative { get; set; } = "Now";

    [Input(Description = "How long after the due time it counts as missed, e.g. 2.00:00:00.", DefaultValue = "2.00:00:00")]
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromDays(2);

    [Output(Description = "The check-in id.")]
    public string? CheckInId { get; set; }

    [Output(Description = "The recorded outcome (e.g. Stable, Improving, NeedsSupport, Missed).")]
    public string? Outcome { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!Enum.TryParse<CheckInKind>(Kind, out var kind)) throw new ArgumentException($"Unknown check-in kind '{Kind}'.");
        if (DueAfter < TimeSpan.Zero || GracePeriod < TimeSpan.Zero) throw new ArgumentException("dueAfter and gracePeriod must not be negative.");
        var @case = await data.RequireCaseAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        var from = Relative == "WorkflowStart" ? context.Workflow.CreatedAt : context.Now;
        var dueAt = from + DueAfter < context.Now ? context.Now : from + DueAfter;
        var checkIn = new CheckIn { Id = Guid.CreateVersion7(context.Now), CaseId = @case.Id, Kind = kind, Label = Label ?? $"{kind} check-in", DueAt = dueAt };
        data.Add(checkIn);
        await reminders.ForCheckInAsync(checkIn, context.CancellationToken);
        CheckInId = checkIn.Id.ToString();
        var payload = new JsonObject { ["checkInId"] = CheckInId };
        context.CreateBookmark(CareBookmarks.CheckInRecorded, CheckInId, payload);
        context.CreateBookmark(CareBookmarks.CheckInDue, CheckInId, (JsonObject)payload.DeepClone(), dueAt);
        context.CreateBookmark(CareBookmarks.CheckInMissed, CheckInId, (JsonObject)payload.DeepClone(), dueAt + GracePeriod);
        return ActivityResult.Suspend;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input)
    {
        var id = Guid.Parse(bookmark.Payload!["checkInId"]!.GetValue<string>());
        var checkIn = await data.FindAsync<CheckIn>(c => c.Id == id, context.CancellationToken)
            ?? throw CareEntityNotFoundException.For("Check-in", id);
        await data.RequireCaseAsync(checkIn.CaseId, context.CancellationToken);
        CheckInId = checkIn.Id.ToString();
        if (checkIn.Outcome is { } recorded)
        {
            Outcome = recorded.ToString();
            return ActivityResult.WithOutcomes(recorded switch { CheckInOutcome.Missed => "Missed", CheckInOutcome.Stable => "Stable", _ => "Held" });
        }

        if (bookmark.Name == CareBookmarks.CheckInDue)
        {
            CaseJournal.Record(data, checkIn.CaseId, context.Now, "check-in-due", $"Reminder: {checkIn.Label} is due.");
            return ActivityResult.Suspend;
        }

        if (bookmark.Name == CareBookmarks.CheckInMissed)
        {
            checkIn.Outcome = CheckInOutcome.Missed;
            await reminders.ForCheckInAsync(checkIn, context.CancellationToken);
            Outcome = nameof(CheckInOutcome.Missed);
            CaseJournal.Record(data, checkIn.CaseId, context.Now, "check-in-missed", $"{checkIn.Label} was missed.");
            return ActivityResult.WithOutcomes("Missed");
        }

        context.CreateBookmark(CareBookmarks.CheckInRecorded, CheckInId, new JsonObject { ["checkInId"] = CheckInId });
        return ActivityResult.Suspend;
    }
}
