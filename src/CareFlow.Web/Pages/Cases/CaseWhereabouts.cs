using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Tasks;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Pages.Shared;
using CareFlow.Web.Security;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Web.Pages.Cases;

/// <summary>
/// Where the client is: each workflow instance of a case (correlation id = case id) that still runs or stopped on a
/// fault, the steps it stands at (the activity's display name from the definition version it runs on), and what each
/// waits for in the coordinator's words, read from its bookmarks: a coordinator task, the provider's answer to a
/// referral, a check-in, a timer, an event. The caller has checked the caseload; a task only supervisors may see is
/// named as a supervisor's review, nothing more.
/// </summary>
internal static class CaseWhereabouts
{
    private const string Running = nameof(WorkflowStatus.Running);
    private const string Faulted = nameof(WorkflowSubStatus.Faulted);

    public static async Task<IReadOnlyList<WorkflowWhereabouts>> LoadAsync(ICareData data, WorkflowDefinitionService definitions, ActivityCatalogue catalogue,
        ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        var correlation = caseId.ToString();
        var records = await data.ToListAsync(data.Query<WorkflowInstanceRecord>()
            .Where(i => i.CorrelationId == correlation && (i.Status == Running || i.SubStatus == Faulted)).OrderBy(i => i.Id), cancellationToken);
        if (records.Count == 0) return [];
        var states = records.Select(r => WorkflowStateSerializer.Deserialize(r.State)).ToList();
        var payloads = states.SelectMany(s => s.Bookmarks).Select(b => b.Payload).OfType<JsonObject>().ToList();
        var taskIds = Ids(payloads, "taskId");
        var referralIds = Ids(payloads, "referralId");
        var checkInIds = Ids(payloads, "checkInId");
        var seesSupervisorTasks = Caseload.Of(user).SeesAll;
        var tasks = (await data.ToListAsync(data.Query<CoordinatorTask>().Where(t => t.CaseId == caseId && taskIds.Contains(t.Id)), cancellationToken)).ToDictionary(t => t.Id);
        var referrals = (await data.ToListAsync(data.Query<Referral>().Where(r => r.CaseId == caseId && referralIds.Contains(r.Id)), cancellationToken)).ToDictionary(r => r.Id);
        var checkIns = (await data.ToListAsync(data.Query<CheckIn>().Where(c => c.CaseId == caseId && checkInIds.Contains(c.Id)), cancellationToken)).ToDictionary(c => c.Id);
        var canOpenDesigner = CareFlowPolicies.CanSeeAllInstances(user);

        var result = new List<WorkflowWhereabouts>();
        for (var i = 0; i < records.Count; i++)
        {
            var (record, state) = (records[i], states[i]);
            var stored = await definitions.FindVersionAsync(record.DefinitionVersionId, cancellationToken);
            var definition = stored is null ? null : WorkflowDefinitionService.Materialize(stored);
            string StepName(string activityId, string activityType) => DisplayName(definition?.Root.Find(activityId), activityType, catalogue);

            var steps = new List<WaitingStep>();
            foreach (var group in state.Bookmarks.GroupBy(b => b.ActivityInstanceId))
            {
                var bookmarks = group.ToList();
                var context = state.ActivityExecutionContexts.FirstOrDefault(c => c.Id == group.Key);
                var since = bookmarks.Min(b => b.CreatedAt);
                var task = Find(tasks, bookmarks, "taskId");
                if (task is not null && SupervisorTasks.IsSupervisorOnly(task.Kind) && !seesSupervisorTasks)
                {
                    steps.Add(new WaitingStep("Waiting on a supervisor", "a supervisor's review", since));
                    continue;
                }
                steps.Add(new WaitingStep(StepName(bookmarks[0].ActivityId, context?.ActivityType ?? ""),
                    WaitsFor(bookmarks, task, Find(referrals, bookmarks, "referralId"), Find(checkIns, bookmarks, "checkInId")), since));
            }
            foreach (var faulted in state.ActivityExecutionContexts.Where(c => c.Status == Faulted && state.Bookmarks.All(b => b.ActivityInstanceId != c.Id)))
            {
                var at = state.Incidents.Where(x => x.ActivityId == faulted.ActivityId).Select(x => (DateTimeOffset?)x.Timestamp).Max() ?? faulted.StartedAt;
                steps.Add(new WaitingStep(StepName(faulted.ActivityId, faulted.ActivityType), "someone to retry it: the step failed", at));
            }

            var stateText = record.SubStatus switch
            {
                nameof(WorkflowSubStatus.Suspended) => "waiting",
                Faulted => "stopped: a step failed",
                nameof(WorkflowSubStatus.Pending) => "about to start",
                _ => "running",
            };
            var escaped = Uri.EscapeDataString(record.Id);
            result.Add(new WorkflowWhereabouts(record.Id, stored?.Name ?? definition?.Name ?? record.Name ?? record.DefinitionId, record.Version, stateText,
                [.. steps.OrderBy(s => s.Since)], $"/instances/{escaped}", canOpenDesigner ? $"/designer/workflows/instances/{escaped}/view" : null));
        }

        return result;
    }

    /// <summary>The step's name as the designer shows it: its display text, its name, else the activity type's display name; never its id.</summary>
    private static string DisplayName(ActivityNode? node, string activityType, ActivityCatalogue catalogue)
    {
        if (node?.Json["metadata"]?["displayText"] is JsonValue text && text.TryGetValue(out string? displayText) && !string.IsNullOrWhiteSpace(displayText))
            return displayText;
        if (!string.IsNullOrWhiteSpace(node?.Name)) return node.Name;
        var type = node?.Type ?? activityType;
        return catalogue.TryGet(type, out var known) ? known.Descriptor.DisplayName : "A workflow step";
    }

    /// <summary>What the bookmarks of one waiting step wait for, in plain words, the strongest signal first.</summary>
    private static string WaitsFor(List<Bookmark> bookmarks, CoordinatorTask? task, Referral? referral, CheckIn? checkIn)
    {
        bool Has(string name) => bookmarks.Any(b => b.Name == name);
        DateTimeOffset? TimerOf(string name) => bookmarks.Where(b => b.Name == name).Select(b => b.ResumeAt).Min();
        if (Has(CareBookmarks.TaskCompleted))
            return task is null ? "a coordinator task" : $"a coordinator task \u201c{task.Title}\u201d due {Durations.At(task.DueAt)}";
        if (Has(CareBookmarks.ProviderResponse))
        {
            var due = referral?.ResponseDueAt ?? TimerOf(CareBookmarks.ProviderDeadline);
            return $"the provider's answer to the referral{(referral is null ? "" : " " + referral.Reference)}{(due is { } d ? " due " + Durations.At(d) : "")}";
        }
        if (Has(CareBookmarks.ReferralFinished))
        {
            var by = TimerOf(CareBookmarks.ReferralDeadline);
            return $"the provider to complete the referral{(referral is null ? "" : " " + referral.Reference)}{(by is { } d ? " by " + Durations.At(d) : "")}";
        }
        if (Has(CareBookmarks.CheckInRecorded))
            return checkIn is null ? "a check-in" : $"a check-in (\u201c{checkIn.Label}\u201d) due {Durations.At(checkIn.DueAt)}";
        if (bookmarks.FirstOrDefault(b => b.Name == "Elsa.Event") is { } @event)
            return @event.Payload?["eventName"] is JsonValue name && name.TryGetValue(out string? eventName) ? $"the event \u201c{eventName}\u201d" : "an event";
        if (bookmarks.Select(b => b.ResumeAt).Min() is { } until) return $"a timer until {Durations.At(until)}";
        return "a signal from outside the workflow";
    }

    private static List<Guid> Ids(List<JsonObject> payloads, string key) =>
        [.. payloads.Select(p => p[key] is JsonValue v && v.TryGetValue(out string? s) && Guid.TryParse(s, CultureInfo.InvariantCulture, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct()];

    private static T? Find<T>(Dictionary<Guid, T> rows, List<Bookmark> bookmarks, string key) where T : class =>
        bookmarks.Select(b => b.Payload?[key] is JsonValue v && v.TryGetValue(out string? s) && Guid.TryParse(s, CultureInfo.InvariantCulture, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Select(id => rows.GetValueOrDefault(id)).FirstOrDefault(r => r is not null);
}
