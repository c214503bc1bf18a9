using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Runtime;
using CareFlow.Core.Reminders;

namespace CareFlow.Core.Activities;

/// <summary>
/// Schedules a check-in and waits for its outcome; when it is due, the coordinator gets a task with the check-in form
/// (the outcome can also be recorded through the check-in API), and after a grace period it counts as missed.
/// </summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Schedule check-in", HasNamedOutcomesOnly = true,
    Description = "Schedules a check-in (relative to now or to the workflow's start); when due, reminds the coordinator with a task carrying the form, and waits: Stable (held, client stable), Held (other outcomes) or Missed.")]
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

    [Input(Description = "The form of the task the coordinator gets when the check-in is due (check-in-outcome, or follow-up-outcome for a follow-up); empty: no task.", DefaultValue = StageForms.CheckIn, OptionsSource = PublishedFormOptions.SourceName)]
    public string? Form { get; set; } = StageForms.CheckIn;

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
        CoordinatorTask? task = null;
        if (bookmark.Name is CareBookmarks.TaskCompleted or CareBookmarks.TaskOverdue)
            (task, _, _) = await CoordinatorTasks.OnResumeAsync(context, data, reminders, bookmark, input);
        var checkIn = await OpenOrRecordedAsync(context, bookmark, task);
        CheckInId = checkIn.Id.ToString();
        if (checkIn.Outcome is { } recorded)
        {
            // Recorded through the API while the check-in task was open: the task is done by whoever recorded it.
            if (task is null) await FinishOpenTaskAsync(context, CoordinatorTaskStatus.Completed, checkIn.RecordedBy);
            Outcome = recorded.ToString();
            return ActivityResult.WithOutcomes(recorded switch { CheckInOutcome.Missed => "Missed", CheckInOutcome.Stable => "Stable", _ => "Held" });
        }

        if (task is not null)
        {
            // The task was completed without an outcome (no form answers): the check-in is still open, ask again.
            context.Log("NoCheckInOutcome", "The check-in task was completed without an outcome; a new task is created.");
            await CreateTaskAsync(context, checkIn);
            return ActivityResult.Suspend;
        }

        if (bookmark.Name == CareBookmarks.CheckInDue)
        {
            CaseJournal.Record(data, checkIn.CaseId, context.Now, "check-in-due", $"Reminder: {checkIn.Label} is due.");
            if (StageForms.OrNone(Form) is not null) await CreateTaskAsync(context, checkIn);
            return ActivityResult.Suspend;
        }

        if (bookmark.Name == CareBookmarks.CheckInMissed)
        {
            checkIn.Outcome = CheckInOutcome.Missed;
            await reminders.ForCheckInAsync(checkIn, context.CancellationToken);
            await FinishOpenTaskAsync(context, CoordinatorTaskStatus.Cancelled, by: null);
            Outcome = nameof(CheckInOutcome.Missed);
            CaseJournal.Record(data, checkIn.CaseId, context.Now, "check-in-missed", $"{checkIn.Label} was missed.");
            return ActivityResult.WithOutcomes("Missed");
        }

        context.CreateBookmark(CareBookmarks.CheckInRecorded, CheckInId, new JsonObject { ["checkInId"] = CheckInId });
        return ActivityResult.Suspend;
    }

    /// <summary>The check-in a bookmark is about: named in it, or (for the task) in this step's pending check-in bookmark.</summary>
    private async Task<CheckIn> OpenOrRecordedAsync(ActivityContext context, Bookmark bookmark, CoordinatorTask? task)
    {
        var named = task is null ? bookmark.Payload?["checkInId"]
            : context.Workflow.Bookmarks.FirstOrDefault(b => b.ActivityInstanceId == context.ActivityInstanceId && b.Name == CareBookmarks.CheckInRecorded)?.Payload?["checkInId"];
        var id = Guid.Parse(named?.GetValue<string>() ?? throw new InvalidOperationException("Check-in step resumed without its check-in."));
        var checkIn = await data.FindAsync<CheckIn>(c => c.Id == id, context.CancellationToken) ?? throw CareEntityNotFoundException.For("Check-in", id);
        await data.RequireCaseAsync(checkIn.CaseId, context.CancellationToken);
        return checkIn;
    }

    private async Task CreateTaskAsync(ActivityContext context, CheckIn checkIn)
    {
        var form = StageForms.OrNone(Form);
        var followUp = form == StageForms.FollowUp;
        await CoordinatorTasks.CreateAndWaitAsync(context, data, reminders, checkIn.CaseId,
            followUp ? CoordinatorTaskKind.FollowUpOutcome : CoordinatorTaskKind.CheckIn,
            followUp ? $"Follow up with the client ({checkIn.Label})" : $"Hold the {checkIn.Label} with the client",
            followUp ? "Ask whether the need is met, whether the service was received and what got in the way." : "Record how the check-in went and what was discussed.",
            GracePeriod > TimeSpan.Zero ? GracePeriod : TimeSpan.FromDays(1), overdueTimer: false, form);
    }

    /// <summary>Closes the check-in task this step opened and that is still open.</summary>
    private async Task FinishOpenTaskAsync(ActivityContext context, CoordinatorTaskStatus status, string? by)
    {
        var open = await data.ToListAsync(data.Query<CoordinatorTask>().Where(t => t.WorkflowInstanceId == context.Workflow.Id
            && (t.Kind == CoordinatorTaskKind.CheckIn || t.Kind == CoordinatorTaskKind.FollowUpOutcome)
            && (t.Status == CoordinatorTaskStatus.Open || t.Status == CoordinatorTaskStatus.Overdue)), context.CancellationToken);
        foreach (var task in open)
        {
            task.Status = status;
            if (status == CoordinatorTaskStatus.Completed)
            {
                task.CompletedAt = context.Now;
                task.CompletedBy = by;
            }

            await reminders.ForTaskAsync(task, context.CancellationToken);
        }
    }
}
