namespace CareFlow.Core.Care.Tasks;

/// <summary>The task inbox query shared by the API and the page: tasks of the given cases, open and overdue by default, soonest due first.</summary>
public static class TaskInbox
{
    /// <param name="data">The unit of work.</param>
    /// <param name="caseIds">The cases the caller may see.</param>
    /// <param name="supervisor">True when the caller also sees supervisor-only tasks (<see cref="SupervisorTasks"/>).</param>
    /// <param name="status">A status to list, else open and overdue.</param>
    /// <param name="caseId">One case only.</param>
    public static IQueryable<CoordinatorTask> Query(ICareData data, IQueryable<Guid> caseIds, bool supervisor, CoordinatorTaskStatus? status = null, Guid? caseId = null)
    {
        var query = SupervisorTasks.VisibleTo(data.Query<CoordinatorTask>(), supervisor).Where(t => caseIds.Contains(t.CaseId));
        query = status is { } s ? query.Where(t => t.Status == s) : query.Where(t => t.Status == CoordinatorTaskStatus.Open || t.Status == CoordinatorTaskStatus.Overdue);
        if (caseId is { } id) query = query.Where(t => t.CaseId == id);
        return query.OrderBy(t => t.DueAt);
    }

    /// <summary>Overdue: marked so by the workflow's timer, or open past its due time (the timer may not have fired yet).</summary>
    public static bool IsOverdue(CoordinatorTask task, DateTimeOffset now)
    {
        return task.Status == CoordinatorTaskStatus.Overdue || (task.Status == CoordinatorTaskStatus.Open && task.DueAt < now);
    }
}
