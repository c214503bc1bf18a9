using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;
using CareFlow.Core.Reminders;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Core.Activities;

/// <summary>
/// Closes the case and cancels its open tasks: with a form, the coordinator closes it (a task with the closure form:
/// reason and summary, recorded under their name); without one, at once for the given reason.
/// </summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Close case",
    Description = "With a form, asks the coordinator to close the case (reason and summary) and waits; without one, closes it at once with the reason. Open coordinator tasks are cancelled.")]
public sealed class CloseCase(ICareData data, CoordinatorReminders reminders) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "Why the case closes (with a form: shown to the coordinator in the task).", Required = true)]
    public string? Reason { get; set; }

    [Input(Description = "The form the coordinator closes the case with (a published form id, e.g. case-closure); empty: close at once.", OptionsSource = PublishedFormOptions.SourceName)]
    public string? Form { get; set; }

    [Input(Description = "How long the coordinator has, e.g. 3.00:00:00.", DefaultValue = "3.00:00:00")]
    public TimeSpan DueIn { get; set; } = TimeSpan.FromDays(3);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(Reason)) throw new ArgumentException("reason is required.");
        var @case = await data.RequireCaseAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        if (StageForms.OrNone(Form) is not { } form)
        {
            await CaseClosure.CloseAsync(data, reminders, @case.Id, Reason, summary: null, by: null, context.Now, keepTaskId: null, context.CancellationToken);
            return ActivityResult.Done;
        }

        if (@case.Status == CaseStatus.Closed) return ActivityResult.Done;
        await CoordinatorTasks.CreateAndWaitAsync(context, data, reminders, @case.Id, CoordinatorTaskKind.CloseCase, "Close the case",
            Reason, DueIn, overdueTimer: false, form);
        return ActivityResult.Suspend;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input)
    {
        var (task, _, _) = await CoordinatorTasks.OnResumeAsync(context, data, reminders, bookmark, input);
        var @case = await data.RequireCaseAsync(task.CaseId, context.CancellationToken);

        // Completed without the form's answers: the coordinator who completed it closed the case for the step's reason.
        if (@case.Status != CaseStatus.Closed)
            await CaseClosure.CloseAsync(data, reminders, @case.Id, Reason ?? "Closed.", summary: null, task.CompletedBy, context.Now, keepTaskId: task.Id, context.CancellationToken);
        return ActivityResult.Done;
    }
}
