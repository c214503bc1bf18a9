using System.Text.Json.Nodes;
using CareFlow.Core.Workflows;
using CareFlow.Workflows.Activities.Builtins;
using CareFlow.Workflows.Runtime;
using CareFlow.Workflows.Management;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareFlow.Infrastructure.Workflows;

public sealed partial class EfWorkflowRuntime
{
    public async Task<int> TriggerEventAsync(EventStimulus stimulus, CancellationToken cancellationToken = default)
    {
        var payload = new JsonObject { [Event.PayloadInputKey] = stimulus.Input?.DeepClone() ?? new JsonObject() };
        var resumed = await DeliverAsync(stimulus, payload, pendingEventId: null, cancellationToken);
        if (stimulus.WorkflowInstanceId is null) resumed += await StartTriggeredAsync(stimulus, payload, cancellationToken);
        if (resumed > 0) return resumed;

        // Nothing waits yet: keep the event, then look once more, so that a bookmark committed meanwhile is not missed.
        var pending = new PendingEventRecord
        {
            Id = Guid.CreateVersion7().ToString("N"), EventName = stimulus.EventName, Hash = BookmarkHash.ForEvent(stimulus.EventName),
            CorrelationId = stimulus.CorrelationId, WorkflowInstanceId = stimulus.WorkflowInstanceId,
            Input = stimulus.Input?.ToJsonString(), Source = stimulus.Source, CreatedAt = time.GetUtcNow(), ExpiresAt = time.GetUtcNow() + options.EventQueueRetention,
        };
        db.Set<PendingEventRecord>().Add(pending);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return await DeliverAsync(stimulus, payload, pending.Id, cancellationToken);
    }

    /// <summary>Starts an instance of every published definition whose <c>Elsa.Event</c> trigger (canStartWorkflow) has this name.</summary>
    private async Task<int> StartTriggeredAsync(EventStimulus stimulus, JsonObject payload, CancellationToken cancellationToken)
    {
        var (published, _) = await definitions.Store.ListAsync(new DefinitionQuery { VersionOptions = VersionOptions.Published }, cancellationToken);
        var started = 0;
        foreach (var stored in published)
        {
            var definition = WorkflowDefinitionService.Materialize(stored);
            var trigger = definition.Root.Activities.FirstOrDefault(a => a.Type == "Elsa.Event" && a.CanStartWorkflow
                && (a.Json["eventName"]?["expression"]?["value"] ?? a.Json["eventName"])?.ToString() == stimulus.EventName);
            if (trigger is null) continue;
            await StartAsync(stored.DefinitionId, VersionOptions.Published, new StartWorkflowRequest
            {
                CorrelationId = stimulus.CorrelationId, TriggerActivityId = trigger.Id, Input = payload.DeepClone().AsObject(),
            }, cancellationToken);
            started++;
        }

        return started;
    }

    /// <summary>Pending events are read this many at a time (ordered by id), never all into memory.</summary>
    internal const int PendingEventPageSize = 100;

    /// <summary>Drops expired pending events, then retries every other one, a page at a time.</summary>
    public async Task<int> DeliverPendingEventsAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await db.Set<PendingEventRecord>().Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var delivered = 0;
        string? after = null;
        while (true)
        {
            var query = db.Set<PendingEventRecord>().AsNoTracking().Where(e => e.ExpiresAt > now);
            if (after is not null) query = query.Where(e => e.Id.CompareTo(after) > 0);
            var page = await query.OrderBy(e => e.Id).Take(PendingEventPageSize).ToListAsync(cancellationToken);
            foreach (var pending in page)
            {
                delivered += await DeliverPendingAsync(pending, cancellationToken);
            }

            if (page.Count < PendingEventPageSize) return delivered;
            after = page[^1].Id;
        }
    }

    private async Task<int> DeliverPendingAsync(PendingEventRecord pending, CancellationToken cancellationToken)
    {
        var input = pending.Input is null ? null : JsonNode.Parse(pending.Input) as JsonObject;
        var stimulus = new EventStimulus(pending.EventName, pending.CorrelationId, pending.WorkflowInstanceId, input);
        return await DeliverAsync(stimulus, new JsonObject { [Event.PayloadInputKey] = input ?? new JsonObject() }, pending.Id, cancellationToken);
    }

    private async Task<int> DeliverAsync(EventStimulus stimulus, JsonObject payload, string? pendingEventId, CancellationToken cancellationToken)
    {
        var hash = BookmarkHash.ForEvent(stimulus.EventName);
        var query = db.Set<BookmarkRecord>().AsNoTracking().Where(b => b.Hash == hash);
        if (stimulus.CorrelationId is { } correlationId) query = query.Where(b => b.CorrelationId == correlationId);
        if (stimulus.WorkflowInstanceId is { } instanceId) query = query.Where(b => b.InstanceId == instanceId);
        var targets = await query.OrderBy(b => b.Id).Select(b => new { b.Id, b.InstanceId }).ToListAsync(cancellationToken);
        var resumed = 0;
        foreach (var target in targets)
        {
            // A pending event is consumed by the first bookmark it is delivered to, inside that resume's transaction.
            var outcome = await ResumeCoreAsync(target.InstanceId, target.Id, payload.DeepClone().AsObject(), pendingEventId, cancellationToken);
            if (outcome.Status != ResumeStatus.Resumed) continue;
            resumed++;
            if (pendingEventId is not null) break;
        }

        return resumed;
    }

    private async Task AfterCommitAsync(BurstResult result, CancellationToken cancellationToken)
    {
        foreach (var bookmark in result.AddedBookmarks.Where(b => b.ResumeAt is not null))
        {
            timers.Schedule(result.State.Id, bookmark.Id, bookmark.ResumeAt!.Value);
        }

        foreach (var published in result.Events)
        {
            try
            {
                await TriggerEventAsync(new EventStimulus(published.EventName, published.CorrelationId, published.WorkflowInstanceId, published.Payload as JsonObject), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Delivering event {EventName} published by instance {InstanceId} failed; it stays pending.", published.EventName, result.State.Id);
            }
        }

        foreach (var bookmark in result.AddedBookmarks.Where(b => b.Name == "Elsa.Event"))
        {
            // Expired events are never delivered, whether or not the sweep has deleted them yet.
            var now = time.GetUtcNow();
            var matching = db.Set<PendingEventRecord>().AsNoTracking()
                .Where(e => e.Hash == bookmark.Hash && e.ExpiresAt > now && (e.CorrelationId == null || e.CorrelationId == bookmark.CorrelationId)
                            && (e.WorkflowInstanceId == null || e.WorkflowInstanceId == result.State.Id));
            string? after = null;
            var delivered = false;
            while (!delivered)
            {
                var query = after is null ? matching : matching.Where(e => e.Id.CompareTo(after) > 0);
                var page = await query.OrderBy(e => e.Id).Take(PendingEventPageSize).ToListAsync(cancellationToken);
                foreach (var pending in page)
                {
                    if (await DeliverPendingAsync(pending, cancellationToken) > 0)
                    {
                        delivered = true;
                        break;
                    }
                }

                if (page.Count < PendingEventPageSize) break;
                after = page[^1].Id;
            }
        }
    }
}
