using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Tasks;
using CareFlow.Workflows.Activities;
using CareFlow.Core.Reminders;

namespace CareFlow.Core.Activities;

/// <summary>Closes the case and cancels its open tasks.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Close case", Description = "Closes the case with a reason and cancels its open coordinator tasks.")]
public sealed class CloseCase(ICareData data, CoordinatorReminders reminders) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "Why the case closes.", Required = true)]
    public string? Reason { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(Reason)) throw new ArgumentException("reason is required.");
        var @case = await data.RequireCaseAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        @case.Status = CaseStatus.Closed;
        @case.Stage = CaseStage.Closed;
        @case.ClosedAt = context.Now;
        @case.ClosureReason = Reason;
        @case.BlockedReason = null;
        // A supervisor's review outlives the case: closing it is not the coordinator's decision.
        var open = await data.ToListAsync(SupervisorTasks.VisibleTo(data.Query<CoordinatorTask>(), supervisor: false).Where(t => t.CaseId == @case.Id && (t.Status == CoordinatorTaskStatus.Open || t.Status == CoordinatorTaskStatus.Overdue)), context.CancellationToken);
        foreach (var task in open)
        {
            task.Status = CoordinatorTaskStatus.Cancelled;
            await reminders.ForTaskAsync(task, context.CancellationToken);
        }

        CaseJournal.Record(data, @case.Id, context.Now, "closed", $"Case closed: {Reason}");
        return ActivityResult.Done;
    }
}
