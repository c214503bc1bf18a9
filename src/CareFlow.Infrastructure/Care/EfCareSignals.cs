using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Care;

/// <summary>
/// Raising adds one <see cref="PendingSignalRecord"/> per waiting bookmark to the scoped context (it commits with the
/// use case's change); delivering resumes each through the runtime (exactly once per bookmark) and then deletes the
/// rows. <see cref="CareSignalRecoveryService"/> delivers the rows a dead node left behind.
/// </summary>
public sealed class EfCareSignals(CareFlowDbContext db, IWorkflowRuntime runtime, TimeProvider time) : ICareSignals
{
    private readonly List<PendingSignalRecord> _raised = [];

    public async Task<int> RaiseAsync(string bookmarkName, string stimulus, JsonObject? input = null, CancellationToken cancellationToken = default)
    {
        var hash = BookmarkHash.Compute(bookmarkName, stimulus);
        var bookmarks = await db.Set<BookmarkRecord>().AsNoTracking().Where(b => b.Hash == hash).OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.InstanceId }).ToListAsync(cancellationToken);
        foreach (var bookmark in bookmarks)
        {
            var signal = new PendingSignalRecord
            {
                Id = Guid.CreateVersion7(), InstanceId = bookmark.InstanceId, BookmarkId = bookmark.Id, Input = input?.ToJsonString(), CreatedAt = time.GetUtcNow(),
            };
            db.Set<PendingSignalRecord>().Add(signal);
            _raised.Add(signal);
        }

        return bookmarks.Count;
    }

    public async Task<int> DeliverAsync(CancellationToken cancellationToken = default)
    {
        var raised = _raised.ToList();
        _raised.Clear();
        return await DeliverAsync(db, runtime, raised, cancellationToken);
    }

    /// <summary>Resumes each signal's bookmark, then deletes the delivered rows; a row whose resume failed stays for the recovery.</summary>
    internal static async Task<int> DeliverAsync(CareFlowDbContext db, IWorkflowRuntime runtime, IReadOnlyList<PendingSignalRecord> signals, CancellationToken cancellationToken)
    {
        var resumed = 0;
        var delivered = new List<Guid>();
        foreach (var signal in signals)
        {
            var input = signal.Input is null ? null : JsonNode.Parse(signal.Input) as JsonObject;
            var outcome = await runtime.ResumeAsync(signal.InstanceId, signal.BookmarkId, input, cancellationToken);
            if (outcome.Status == ResumeStatus.Resumed) resumed++;
            delivered.Add(signal.Id);
        }

        if (delivered.Count > 0) await db.Set<PendingSignalRecord>().Where(s => delivered.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        return resumed;
    }
}
