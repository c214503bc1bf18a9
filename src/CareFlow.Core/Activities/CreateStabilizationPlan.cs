using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;
using CareFlow.Core.Reminders;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Core.Activities;

/// <summary>
/// The case's stabilization plan: the coordinator writes it with the client (a task with the plan form: what they
/// want to work on, goals and target dates) and the workflow continues once it is written.
/// </summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Create stabilization plan",
    Description = "Asks the coordinator to write the stabilization plan with the client (a task with the plan form) and waits; continues at once when the plan is already written.")]
public sealed class CreateStabilizationPlan(ICareData data, CoordinatorReminders reminders) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "How long the coordinator has, e.g. 3.00:00:00.", DefaultValue = "3.00:00:00")]
    public TimeSpan DueIn { get; set; } = TimeSpan.FromDays(3);

    [Input(Description = "The form the coordinator fills in with the client (a published form id). Empty: the plan is opened with one goal per open need, as earlier versions did.", DefaultValue = StageForms.StabilizationPlan, OptionsSource = PublishedFormOptions.SourceName)]
    public string? Form { get; set; } = StageForms.StabilizationPlan;

    [Output(Description = "The plan id.")]
    public string? PlanId { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (DueIn <= TimeSpan.Zero) throw new ArgumentException("dueIn must be positive.");
        var @case = await data.RequireCaseAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        if (StageForms.OrNone(Form) is not { } form)
        {
            PlanId = (await StabilizationPlans.OpenWithGoalPerNeedAsync(data, @case.Id, context.Now, context.CancellationToken)).Id.ToString();
            return ActivityResult.Done;
        }

        var written = await data.FirstOrDefaultAsync(data.Query<StabilizationPlan>().Where(p => p.CaseId == @case.Id && p.WrittenBy != null), context.CancellationToken);
        if (written is not null)
        {
            PlanId = written.Id.ToString();
            return ActivityResult.Done;
        }

        await CoordinatorTasks.CreateAndWaitAsync(context, data, reminders, @case.Id, CoordinatorTaskKind.StabilizationPlan, "Write the stabilization plan with the client",
            "Ask the client what they want to work on and write their goals with target dates.", DueIn, overdueTimer: false, form);
        return ActivityResult.Suspend;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input)
    {
        var (task, _, _) = await CoordinatorTasks.OnResumeAsync(context, data, reminders, bookmark, input);

        // A plan task completed without the form's answers opens an empty plan: nothing is written on the client's behalf.
        var (plan, _) = await StabilizationPlans.OpenAsync(data, task.CaseId, context.Now, context.CancellationToken);
        PlanId = plan.Id.ToString();
        return ActivityResult.Done;
    }
}
