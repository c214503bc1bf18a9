using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Screening;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Runtime;
using CareFlow.Core.Reminders;

namespace CareFlow.Core.Activities;

/// <summary>Routes on the case's screening (AHC HRSN by default); asks the coordinator to screen when none exists yet.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Screen client", HasNamedOutcomesOnly = true,
    Description = "Waits for a screening of the case (a coordinator task), then routes: needs stabilization, ready for referral, or no needs.")]
[FlowPort("NeedsStabilization", DisplayName = "Needs stabilization")]
[FlowPort("ReadyForReferral", DisplayName = "Ready for referral")]
[FlowPort("NoNeeds", DisplayName = "No needs")]
public sealed class ScreenClient(ICareData data, CoordinatorReminders reminders) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "The screening instrument.", UIHint = "dropdown", Options = [AhcHrsnCore.Id], DefaultValue = AhcHrsnCore.Id)]
    public string InstrumentId { get; set; } = AhcHrsnCore.Id;

    [Input(Description = "How long the coordinator has to screen, e.g. 3.00:00:00.", DefaultValue = "3.00:00:00")]
    public TimeSpan DueIn { get; set; } = TimeSpan.FromDays(3);

    [Input(Description = "The form the coordinator fills in with the client (a published form id; empty: none).", DefaultValue = StageForms.Screening, OptionsSource = PublishedFormOptions.SourceName)]
    public string? Form { get; set; } = StageForms.Screening;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (ScreeningInstruments.Find(InstrumentId) is null) throw new ArgumentException($"Unknown screening instrument '{InstrumentId}'.");
        var @case = await data.RequireCaseAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        if (await LatestAsync(@case.Id, context) is { } screening) return Route(screening);
        await CoordinatorTasks.CreateAndWaitAsync(context, data, reminders, @case.Id, CoordinatorTaskKind.Screen, "Screen the client (AHC HRSN core)",
            "Ask the 10 core questions and submit the answers; each positive domain becomes a need.", DueIn, overdueTimer: false, StageForms.OrNone(Form));
        return ActivityResult.Suspend;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input)
    {
        var (task, _, _) = await CoordinatorTasks.OnResumeAsync(context, data, reminders, bookmark, input);
        var screening = await LatestAsync(task.CaseId, context);
        if (screening is null) context.Log("NoScreening", "The screening task was completed without a screening; treated as no needs.");
        return screening is null ? ActivityResult.WithOutcomes("NoNeeds") : Route(screening);
    }

    private async Task<ClientScreening?> LatestAsync(Guid caseId, ActivityContext context) =>
        await data.FirstOrDefaultAsync(data.Query<ClientScreening>().Where(s => s.CaseId == caseId && s.InstrumentId == InstrumentId)
            .OrderByDescending(s => s.ScreenedAt), context.CancellationToken);

    private static ActivityResult Route(ClientScreening screening) => ActivityResult.WithOutcomes(
        screening.RequiresStabilization ? "NeedsStabilization" : screening.PositiveDomains.Length > 0 ? "ReadyForReferral" : "NoNeeds");
}
