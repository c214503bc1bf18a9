using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Care;

/// <summary>Finds bookmarks by hash and resumes each through the runtime (which guarantees exactly once).</summary>
public sealed class EfCareSignals(CareFlowDbContext db, IWorkflowRuntime runtime) : ICareSignals
{
    public async Task<int> SignalAsync(string bookmarkName, string stimulus, JsonObject? input = null, CancellationToken cancellationToken = default)
    {
        var hash = BookmarkHash.Compute(bookmarkName, stimulus);
        var bookmarks = await db.Set<BookmarkRecord>().AsNoTracking().Where(b => b.Hash == hash)
            .Select(b => new { b.Id, b.InstanceId }).ToListAsync(cancellationToken);
        var resumed = 0;
        foreach (var bookmark in bookmarks)
        {
            var outcome = await runtime.ResumeAsync(bookmark.InstanceId, bookmark.Id, (JsonObject?)input?.DeepClone(), cancellationToken);
            if (outcome.Status == ResumeStatus.Resumed) resumed++;
        }

        return resumed;
    }
}
