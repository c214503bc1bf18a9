using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Tasks;

namespace CareFlow.Core.Care.Supervision;

/// <summary>
/// The supervisors' queue of possible duplicates across caseloads: every open <see cref="CoordinatorTaskKind.SupervisorDuplicateReview"/>
/// with the two records side by side (the one the intake registered and the existing one it may duplicate), each with
/// its cases and their coordinators. For supervisors only: it shows who works with whom.
/// </summary>
public sealed class DuplicateReviews(ICareData data)
{
    /// <summary>The open duplicate reviews.</summary>
    public static IQueryable<CoordinatorTask> Open(ICareData data) => data.Query<CoordinatorTask>()
        .Where(t => t.Kind == CoordinatorTaskKind.SupervisorDuplicateReview
            && (t.Status == CoordinatorTaskStatus.Open || t.Status == CoordinatorTaskStatus.Overdue));

    /// <summary>How many reviews are open (the navigation's count).</summary>
    public Task<int> CountOpenAsync(CancellationToken cancellationToken = default) => data.CountAsync(Open(data), cancellationToken);

    /// <summary>The open reviews, oldest due first, each with both records.</summary>
    public async Task<IReadOnlyList<DuplicateReviewItem>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        var tasks = await data.ToListAsync(Open(data).OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(200), cancellationToken);
        var items = new List<DuplicateReviewItem>();
        foreach (var task in tasks)
        {
            var intake = await data.FirstOrDefaultAsync(data.Query<IntakeRequest>().Where(r => r.CaseId == task.CaseId), cancellationToken);
            var registeredId = intake?.ClientId ?? (await data.FirstOrDefaultAsync(data.Query<Case>().Where(c => c.Id == task.CaseId), cancellationToken))?.ClientId;
            var registered = registeredId is { } r ? await RecordAsync(r, cancellationToken) : null;
            var existing = intake?.CrossCaseloadMatchId is { } e ? await RecordAsync(e, cancellationToken) : null;
            items.Add(new DuplicateReviewItem(task, registered, existing));
        }

        return items;
    }

    /// <summary>One open review by its task id, or null.</summary>
    public async Task<DuplicateReviewItem?> FindOpenAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        (await ListOpenAsync(cancellationToken)).FirstOrDefault(i => i.Task.Id == taskId);

    private async Task<ClientRecord?> RecordAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var client = await data.FirstOrDefaultAsync(data.Query<Client>().Where(c => c.Id == clientId), cancellationToken);
        if (client is null) return null;
        var cases = await data.ToListAsync(data.Query<Case>().Where(c => c.ClientId == clientId).OrderBy(c => c.OpenedAt), cancellationToken);
        return new ClientRecord(client, cases);
    }
}
