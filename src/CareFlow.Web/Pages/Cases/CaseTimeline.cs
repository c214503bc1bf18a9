using System.Globalization;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Advocacy;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Outbox;
using CareFlow.Core.Email;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Web.Pages.Shared;

namespace CareFlow.Web.Pages.Cases;

/// <summary>
/// One timeline for a case, merged from the workflow journal of its instances (correlation id = case id), its
/// referrals, the emails sent about them (template, organisation, status: never a body or an address), coordinator
/// tasks, the advocacy log and the case events, in time order.
/// </summary>
internal static class CaseTimeline
{
    private static readonly string[] JournalEvents = ["Completed", "Faulted", "Suspended", "Canceled"];

    public static async Task<IReadOnlyList<TimelineEntry>> LoadAsync(ICareData data, Guid caseId, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        var correlation = caseId.ToString();
        var instances = await data.ToListAsync(data.Query<WorkflowInstanceRecord>().Where(i => i.CorrelationId == correlation)
            .Select(i => new { i.Id, i.DefinitionId, i.CreatedAt }), cancellationToken);
        var instanceIds = instances.Select(i => i.Id).ToList();
        var journal = await data.ToListAsync(data.Query<JournalRecord>().Where(j => instanceIds.Contains(j.InstanceId) && JournalEvents.Contains(j.EventName)
            && j.ActivityType != "Elsa.Flowchart" && j.ActivityType != "Elsa.Start" && j.ActivityType != "Elsa.End"), cancellationToken);
        var definitionOf = instances.ToDictionary(i => i.Id, i => i.DefinitionId);
        entries.AddRange(instances.Select(i => new TimelineEntry(i.CreatedAt, "workflow", $"Workflow {i.DefinitionId} started", null)));
        entries.AddRange(journal.Select(j => new TimelineEntry(j.Timestamp, "workflow",
            $"{definitionOf.GetValueOrDefault(j.InstanceId, "workflow")}: {j.ActivityName ?? j.ActivityId} {Past(j.EventName)}", j.EventName == "Faulted" ? j.Message : null)));

        var referrals = await data.ToListAsync(data.Query<Referral>().Where(r => r.CaseId == caseId), cancellationToken);
        var serviceIds = referrals.Select(r => r.ServiceId).ToList();
        var orgIds = referrals.Select(r => r.OrganizationId).ToList();
        var services = (await data.ToListAsync(data.Query<Service>().Where(s => serviceIds.Contains(s.Id)), cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        var orgs = (await data.ToListAsync(data.Query<Organization>().Where(o => orgIds.Contains(o.Id)), cancellationToken)).ToDictionary(o => o.Id, o => o.Name);
        foreach (var r in referrals)
        {
            entries.Add(new TimelineEntry(r.RequestedAt, "referral", $"Referral {r.Reference} to {services.GetValueOrDefault(r.ServiceId, r.ServiceId)} requested",
                $"Now: {ReferralStatusRules.Code(r.Status)}{(r.StatusReasonText is null ? "" : $" ({r.StatusReasonText})")}"));
            var prefix = $"{ReferralEmails.Topic(r.Id)}/";
            var emails = await data.ToListAsync(data.Query<OutboxMessage>().Where(m => m.Key.StartsWith(prefix))
                .Select(m => new { m.Template, m.Status, m.CreatedAt, m.SentAt }), cancellationToken);
            entries.AddRange(emails.Select(m => new TimelineEntry(m.SentAt ?? m.CreatedAt, "email",
                $"Email {m.Template} to {orgs.GetValueOrDefault(r.OrganizationId, r.OrganizationId)}", $"Status: {m.Status}")));
        }

        // The case's story as its coordinator reads it: supervisor-only reviews stay in the supervisors' task list.
        var tasks = await data.ToListAsync(SupervisorTasks.VisibleTo(data.Query<CoordinatorTask>(), supervisor: false).Where(t => t.CaseId == caseId), cancellationToken);
        entries.AddRange(tasks.Select(t => new TimelineEntry(t.CreatedAt, "task", $"Task: {t.Title}", $"Due {t.DueAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC · {t.Status}")));
        entries.AddRange(tasks.Where(t => t.CompletedAt is not null).Select(t => new TimelineEntry(t.CompletedAt!.Value, "task", $"Task done: {t.Title}", t.CompletedBy is null ? null : $"by {t.CompletedBy}")));

        var advocacy = await data.ToListAsync(data.Query<AdvocacyEntry>().Where(a => a.CaseId == caseId), cancellationToken);
        entries.AddRange(advocacy.Select(a => new TimelineEntry(a.At, "advocacy",
            $"Advocacy ({AdvocacyLabels.For(a.Kind)}): {a.Note}{(a.WithWhom is null ? "" : $" (with {a.WithWhom})")}", $"by {a.By}")));

        var barriers = await data.ToListAsync(data.Query<AccessBarrier>().Where(b => b.CaseId == caseId), cancellationToken);
        entries.AddRange(barriers.Select(b => new TimelineEntry(b.RecordedAt, "barrier",
            $"Barrier ({b.Category}{(b.CostAmount is { } cost ? string.Create(CultureInfo.InvariantCulture, $", {cost:0.00} {b.CostCurrency}") : "")}): {b.Description}", $"by {b.RecordedBy}")));
        entries.AddRange(barriers.Where(b => b.Status == BarrierStatus.Resolved && b.ResolvedAt is not null)
            .Select(b => new TimelineEntry(b.ResolvedAt!.Value, "barrier", $"Barrier resolved ({b.Category}): {b.Resolution}", $"by {b.ResolvedBy}")));

        var events = await data.ToListAsync(data.Query<CaseEvent>().Where(e => e.CaseId == caseId), cancellationToken);
        entries.AddRange(events.Select(e => new TimelineEntry(e.At, "case", e.Text, e.Kind)));
        return [.. entries.OrderBy(e => e.At).ThenBy(e => e.Source, StringComparer.Ordinal)];
    }

    private static string Past(string eventName) => eventName switch
    {
        "Completed" => "done",
        "Faulted" => "FAULTED",
        "Suspended" => "waiting",
        "Canceled" => "cancelled",
        _ => eventName,
    };
}
