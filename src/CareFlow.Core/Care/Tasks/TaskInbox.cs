namespace CareFlow.Core.Care.Tasks;

/// <summary>The task inbox query shared by the API and the page: tasks of the given cases, open and overdue by default, soonest due first.</summary>
public static class TaskInbox
{
    public static IQueryable<CoordinatorTask> Query(ICareData data, IQueryable<Guid> caseIds, CoordinatorTaskStatus? status = null, Guid? caseId = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var query = data.Query<CoordinatorTask>().Where(t => caseIds.Contains(t.CaseId));
        query = status is { } s ? query.Where(t => t.Status == s) : query.Where(t => t.Status == CoordinatorTaskStatus.Open || t.Status == CoordinatorTaskStatus.Overdue);
        if (caseId is { } id) query = query.Where(t => t.CaseId == id);
        return query.OrderBy(t => t.DueAt);
    }

    /// <summary>Overdue: marked so by the workflow's timer, or open past its due time (the timer may not have fired yet).</summary>
    public static bool IsOverdue(CoordinatorTask task, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Status == CoordinatorTaskStatus.Overdue || (task.Status == CoordinatorTaskStatus.Open && task.DueAt < now);
    }
}
