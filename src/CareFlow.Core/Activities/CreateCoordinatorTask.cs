using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Tasks;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Runtime;
using CareFlow.Core.Reminders;
using CareFlow.Core.Email;
using CareFlow.Core.Forms;

namespace CareFlow.Core.Activities;

/// <summary>Puts a task in the coordinator's inbox and waits until it is completed or overdue.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Create coordinator task", HasNamedOutcomesOnly = true,
    Description = "Creates a task for the case's coordinator and waits: Completed when done, Overdue when its due time passes.")]
[FlowPort("Completed")]
[FlowPort("Overdue")]
public sealed class CreateCoordinatorTask(ICareData data, CoordinatorReminders reminders, ReferralEmails emails) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "What the coordinator must do.", Required = true)]
    public string? Title { get; set; }

    [Input(Description = "Details.", UIHint = "multiline")]
    public string? Description { get; set; }

    [Input(Description = "The kind of task.", UIHint = "dropdown",
        Options = ["General", "ReviewDuplicate", "ObtainConsent", "MissedCheckIn", "ProviderNoResponse", "ReviewStability", "Advocacy"], DefaultValue = "General")]
    public string Kind { get; set; } = nameof(CoordinatorTaskKind.General);

    [Input(Description = "The form the coordinator fills in to complete the task (its published version is pinned when the task is created); its answers are the Result.",
        OptionsSource = PublishedFormOptions.SourceName)]
    public string? Form { get; set; }

    [Input(Description = "Time until due, e.g. 2.00:00:00.", DefaultValue = "2.00:00:00")]
    public TimeSpan DueIn { get; set; } = TimeSpan.FromDays(2);

    [Output(Description = "The coordinator's result (JSON): the form's answers keyed by field key when the task has a form.")]
    public JsonNode? Result { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(Title)) throw new ArgumentException("title is required.");
        if (!Enum.TryParse<CoordinatorTaskKind>(Kind, out var kind)) throw new ArgumentException($"Unknown task kind '{Kind}'.");
        if (DueIn <= TimeSpan.Zero) throw new ArgumentException("dueIn must be positive.");
        var @case = await data.RequireCaseAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        var task = await CoordinatorTasks.CreateAndWaitAsync(context, data, reminders, @case.Id, kind, Title, Description, DueIn, overdueTimer: true, Form);

        // A provider who did not answer is escalated to the coordinator by email (no client data).
        if (kind == CoordinatorTaskKind.ProviderNoResponse) await emails.EscalateAsync(task, context.CancellationToken);
        return ActivityResult.Suspend;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input)
    {
        var (_, completed, result) = await CoordinatorTasks.OnResumeAsync(context, data, reminders, bookmark, input);
        Result = result;
        return ActivityResult.WithOutcomes(completed ? "Completed" : "Overdue");
    }
}
