using CareFlow.Core.Care;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Runtime;
using CareFlow.Core.Reminders;

namespace CareFlow.Core.Activities;

/// <summary>Makes sure the client was offered a Part 2 consent: continues at once when one is on file, else asks the coordinator.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Record consent",
    Description = "Continues when the client has a current 42 CFR Part 2 consent; otherwise creates a coordinator task to record one and waits.")]
public sealed class RecordConsent(ICareData data, CoordinatorReminders reminders) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "How long the coordinator has, e.g. 2.00:00:00.", DefaultValue = "2.00:00:00")]
    public TimeSpan DueIn { get; set; } = TimeSpan.FromDays(2);

    [Input(Description = "The form the coordinator fills in with the client (a published form id; empty: none).", DefaultValue = StageForms.Consent, OptionsSource = PublishedFormOptions.SourceName)]
    public string? Form { get; set; } = StageForms.Consent;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (@case, client) = await data.RequireCaseAndClientAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        var consents = await data.ToListAsync(data.Query<Consent>().Where(c => c.ClientId == client.Id && c.RevokedAt == null), context.CancellationToken);
        if (consents.Any(c => !ConsentRules.IsExpired(c, context.Now))) return ActivityResult.Done;
        await CoordinatorTasks.CreateAndWaitAsync(context, data, reminders, @case.Id, CoordinatorTaskKind.RecordConsent, "Record the client's Part 2 consent",
            "Explain the client's rights (what is shared, with whom, how to revoke) and record the consents they sign.", DueIn, overdueTimer: false, StageForms.OrNone(Form));
        return ActivityResult.Suspend;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, System.Text.Json.Nodes.JsonObject? input)
    {
        await CoordinatorTasks.OnResumeAsync(context, data, reminders, bookmark, input);
        return ActivityResult.Done;
    }
}
