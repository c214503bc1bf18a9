using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Workflows;

public sealed partial class EfWorkflowRuntime
{
    private enum CommitResult
    {
        Committed,
        BookmarkGone,
        InstanceChanged,
    }

    /// <summary>
    /// One transaction: claim the instance (bump its row version where it is unchanged), claim the bookmark (and
    /// pending event), write the burst's effects. The instance row is claimed first, so concurrent bursts of one
    /// instance queue on its row lock and the later one finds the version changed; claimed after the journal rows,
    /// the later burst would instead fail on the journal's (instance, sequence) key before its version check.
    /// </summary>
    private async Task<CommitResult> CommitAsync(WorkflowInstanceRecord loaded, BurstResult result, string? consumedBookmarkId, string? pendingEventId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = loaded.RowVersion;
        if (await db.Set<WorkflowInstanceRecord>().Where(i => i.Id == loaded.Id && i.RowVersion == version)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RowVersion, version + 1), cancellationToken) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return CommitResult.InstanceChanged;
        }

        if (consumedBookmarkId is not null
            && await db.Set<BookmarkRecord>().Where(b => b.Id == consumedBookmarkId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return CommitResult.BookmarkGone;
        }

        if (pendingEventId is not null
            && await db.Set<PendingEventRecord>().Where(e => e.Id == pendingEventId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return CommitResult.BookmarkGone;
        }

        var record = ToRecord(result.State, loaded);
        record.RowVersion = version + 1;
        db.Set<WorkflowInstanceRecord>().Attach(record);
        foreach (var property in new[] { nameof(record.State), nameof(record.Status), nameof(record.SubStatus), nameof(record.CorrelationId), nameof(record.IncidentCount), nameof(record.UpdatedAt), nameof(record.FinishedAt), nameof(record.Name) })
        {
            db.Entry(record).Property(property).IsModified = true;
        }

        var removed = result.RemovedBookmarks.Select(b => b.Id).Where(id => id != consumedBookmarkId).ToList();
        foreach (var id in removed) db.Set<BookmarkRecord>().Remove(new BookmarkRecord { Id = id, InstanceId = "", Name = "", Hash = "", ActivityId = "", ActivityInstanceId = "" });
        AddEffects(result);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CommitResult.Committed;
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            return CommitResult.InstanceChanged;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private void AddEffects(BurstResult result)
    {
        db.Set<BookmarkRecord>().AddRange(result.AddedBookmarks.Select(b => new BookmarkRecord
        {
            Id = b.Id, InstanceId = result.State.Id, Name = b.Name, Hash = b.Hash, ActivityId = b.ActivityId,
            ActivityInstanceId = b.ActivityInstanceId, CorrelationId = b.CorrelationId, ResumeAt = b.ResumeAt, CreatedAt = b.CreatedAt,
        }));
        db.Set<JournalRecord>().AddRange(result.Journal.Select(j => new JournalRecord
        {
            Id = j.Id, InstanceId = j.WorkflowInstanceId, Sequence = j.Sequence, ActivityInstanceId = j.ActivityInstanceId,
            ActivityId = j.ActivityId, ActivityType = j.ActivityType, ActivityName = j.ActivityName, NodeId = j.NodeId,
            EventName = j.EventName, Message = j.Message, Timestamp = j.Timestamp, Payload = j.Payload?.ToJsonString(),
        }));
    }

    private static WorkflowInstanceRecord ToRecord(WorkflowState state, WorkflowInstanceRecord record)
    {
        record.Version = state.DefinitionVersion;
        record.Status = state.Status.ToString();
        record.SubStatus = state.SubStatus.ToString();
        record.CorrelationId = state.CorrelationId;
        record.Name = state.Name;
        record.IncidentCount = state.Incidents.Count;
        record.CreatedAt = state.CreatedAt;
        record.UpdatedAt = state.UpdatedAt;
        record.FinishedAt = state.FinishedAt;
        record.State = WorkflowStateSerializer.Serialize(state);
        return record;
    }
}
