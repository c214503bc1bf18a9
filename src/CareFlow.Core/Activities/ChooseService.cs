using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Screening;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Runtime;
using CareFlow.Core.Reminders;

namespace CareFlow.Core.Activities;

/// <summary>The client decides which referral goes out: the coordinator records the chosen directory service in a task.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Choose service",
    Description = "Uses the given service, or asks the coordinator (a task) to choose one with the client for an open need.")]
public sealed class ChooseService(ICareData data, CoordinatorReminders reminders) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "A fixed directory service id; leave empty to ask the coordinator.")]
    public string? ServiceId { get; set; }

    [Input(Description = "How long the coordinator has, e.g. 2.00:00:00.", DefaultValue = "2.00:00:00")]
    public TimeSpan DueIn { get; set; } = TimeSpan.FromDays(2);

    [Input(Description = "The form the coordinator fills in with the client (a published form id; empty: none).", DefaultValue = StageForms.ServiceChoice, OptionsSource = PublishedFormOptions.SourceName)]
    public string? Form { get; set; } = StageForms.ServiceChoice;

    [Output(Description = "The chosen service id.")]
    public string? ChosenServiceId { get; set; }

    [Output(Description = "The need it addresses, if known.")]
    public string? NeedId { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var @case = await data.RequireCaseAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        if (!string.IsNullOrWhiteSpace(ServiceId)) return await UseAsync(context, @case.Id, ServiceId, null);
        var open = await data.ToListAsync(data.Query<Need>().Where(n => n.CaseId == @case.Id && n.Status == NeedStatus.Open), context.CancellationToken);
        var needs = open.Count == 0 ? "no open needs" : string.Join(", ", open.Select(n => n.Label));
        await CoordinatorTasks.CreateAndWaitAsync(context, data, reminders, @case.Id, CoordinatorTaskKind.ChooseService, "Choose a service with the client",
            $"Open needs: {needs}. Choose the directory service with the client.", DueIn, overdueTimer: false, StageForms.OrNone(Form));
        return ActivityResult.Suspend;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input)
    {
        var (task, _, result) = await CoordinatorTasks.OnResumeAsync(context, data, reminders, bookmark, input);
        var serviceId = result?["serviceId"]?.GetValue<string>();
        var needId = result?["needId"]?.GetValue<string>();
        return await UseAsync(context, task.CaseId, serviceId, Guid.TryParse(needId, out var n) ? n : null);
    }

    private async Task<ActivityResult> UseAsync(ActivityContext context, Guid caseId, string? serviceId, Guid? needId)
    {
        var service = await data.FirstOrDefaultAsync(data.Query<Service>().Where(s => s.Id == serviceId), context.CancellationToken)
            ?? throw new ArgumentException($"Unknown directory service '{serviceId}'.");
        if (!service.IsActive) throw new ArgumentException($"Directory service '{service.Name}' is {service.Status}.");
        needId ??= (await data.FirstOrDefaultAsync(data.Query<Need>().Where(n => n.CaseId == caseId && n.Status == NeedStatus.Open && n.Domain == service.Category), context.CancellationToken))?.Id;
        ChosenServiceId = service.Id;
        NeedId = needId?.ToString();
        return ActivityResult.Done;
    }
}
