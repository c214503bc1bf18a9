using System.Text.Json.Nodes;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Workflows;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareFlow.Infrastructure.Workflows;

/// <summary>
/// Runs bursts and commits each with its effects in one transaction. A resume claims its bookmark by deleting
/// the bookmark row and bumps the instance's row version conditionally; whoever loses either race rolls back.
/// </summary>
public sealed partial class EfWorkflowRuntime(
    CareFlowDbContext db,
    WorkflowRunner runner,
    WorkflowDefinitionService definitions,
    IWorkflowTimerScheduler timers,
    WorkflowOptions options,
    TimeProvider time,
    ILogger<EfWorkflowRuntime> logger) : IWorkflowRuntime
{
    private const int MaxAttempts = 8;

    public async Task<WorkflowState?> StartAsync(string definitionId, VersionOptions versionOptions, StartWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        var stored = await definitions.GetAsync(definitionId, versionOptions, cancellationToken);
        if (stored is null) return null;
        var result = await runner.StartAsync(WorkflowDefinitionService.Materialize(stored), request, cancellationToken);
        db.Set<WorkflowInstanceRecord>().Add(ToRecord(result.State, new WorkflowInstanceRecord
        {
            Id = result.State.Id, DefinitionId = result.State.DefinitionId, DefinitionVersionId = result.State.DefinitionVersionId,
            Status = "", SubStatus = "", State = "", RowVersion = 1,
        }));
        AddEffects(result);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await AfterCommitAsync(result, cancellationToken);
        return result.State;
    }

    public async Task<ResumeOutcome> ResumeAsync(string instanceId, string bookmarkId, JsonObject? input, CancellationToken cancellationToken = default) =>
        await ResumeCoreAsync(instanceId, bookmarkId, input, pendingEventId: null, cancellationToken);

    public async Task<WorkflowState?> RetryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await MutateAsync(instanceId, (definition, state) => runner.RetryAsync(definition, state, cancellationToken), cancellationToken);

    public async Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await MutateAsync(instanceId, (definition, state) => Task.FromResult(runner.Cancel(definition, state)), cancellationToken) is not null;

    public async Task<WorkflowState?> FindAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.State).FirstOrDefaultAsync(cancellationToken)
            is { } json ? WorkflowStateSerializer.Deserialize(json) : null;

    private async Task<ResumeOutcome> ResumeCoreAsync(string instanceId, string bookmarkId, JsonObject? input, string? pendingEventId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var loaded = await LoadAsync(instanceId, cancellationToken);
            if (loaded is null) return new ResumeOutcome(ResumeStatus.InstanceNotFound, null);
            var (record, definition, state) = loaded.Value;
            if (!state.Bookmarks.Any(b => b.Id == bookmarkId)) return new ResumeOutcome(ResumeStatus.AlreadyResumed, null);
            var result = await runner.ResumeAsync(definition, state, bookmarkId, input, cancellationToken);
            var committed = await CommitAsync(record, result, bookmarkId, pendingEventId, cancellationToken);
            if (committed == CommitResult.Committed)
            {
                await AfterCommitAsync(result, cancellationToken);
                return new ResumeOutcome(ResumeStatus.Resumed, result.State);
            }

            if (committed == CommitResult.BookmarkGone) return new ResumeOutcome(ResumeStatus.AlreadyResumed, null);
        }

        throw new InvalidOperationException($"Instance {instanceId} kept changing; the resume was not applied after {MaxAttempts} attempts.");
    }

    private async Task<WorkflowState?> MutateAsync(string instanceId, Func<CareFlow.Workflows.Definitions.WorkflowDefinition, WorkflowState, Task<BurstResult>> burst, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var loaded = await LoadAsync(instanceId, cancellationToken);
            if (loaded is null) return null;
            var (record, definition, state) = loaded.Value;
            var result = await burst(definition, state);
            if (await CommitAsync(record, result, consumedBookmarkId: null, pendingEventId: null, cancellationToken) == CommitResult.Committed)
            {
                await AfterCommitAsync(result, cancellationToken);
                return result.State;
            }
        }

        throw new InvalidOperationException($"Instance {instanceId} kept changing; the change was not applied.");
    }

    private async Task<(WorkflowInstanceRecord Record, CareFlow.Workflows.Definitions.WorkflowDefinition Definition, WorkflowState State)?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var record = await db.Set<WorkflowInstanceRecord>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (record is null) return null;
        var stored = await definitions.Store.FindByIdAsync(record.DefinitionVersionId, cancellationToken)
            ?? throw new InvalidOperationException($"Definition version {record.DefinitionVersionId} of instance {instanceId} is missing.");
        return (record, WorkflowDefinitionService.Materialize(stored), WorkflowStateSerializer.Deserialize(record.State));
    }
}
