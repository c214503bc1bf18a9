namespace CareFlow.Core.Care.Tasks;

/// <summary>
/// Tasks that sit on a case but are for supervisors only. A possible duplicate across caseloads is one: telling the
/// coordinator who ran the intake that the person "matches another client" would disclose that someone else works
/// with them (42 CFR Part 2: minimum necessary). Every coordinator-facing task query goes through
/// <see cref="VisibleTo"/>; supervisors, admins and API keys find these in their task list (<c>/tasks</c>,
/// <c>GET /api/tasks</c>) and complete them there.
/// </summary>
public static class SupervisorTasks
{
    /// <summary>How long a supervisor has for a duplicate review.</summary>
    public static readonly TimeSpan DuplicateReviewDueIn = TimeSpan.FromDays(2);

    /// <summary>True for kinds that only supervisors see.</summary>
    public static bool IsSupervisorOnly(CoordinatorTaskKind kind) => kind == CoordinatorTaskKind.SupervisorDuplicateReview;

    /// <summary>The tasks a caller may see: all of them for a supervisor (or anyone who sees every case), else none of the supervisor-only kinds.</summary>
    public static IQueryable<CoordinatorTask> VisibleTo(IQueryable<CoordinatorTask> tasks, bool supervisor)
    {
        return supervisor ? tasks : tasks.Where(t => t.Kind != CoordinatorTaskKind.SupervisorDuplicateReview);
    }

    /// <summary>
    /// The review of a client registered at intake who may be the same person as a client on another caseload. It
    /// names records by id only; no workflow waits on it.
    /// </summary>
    public static CoordinatorTask DuplicateReview(Guid caseId, Guid clientId, Guid possibleDuplicateOfId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), CaseId = caseId, Kind = CoordinatorTaskKind.SupervisorDuplicateReview,
        Title = "Review a possible duplicate across caseloads",
        Description = $"Client {clientId} (case {caseId}) may be the same person as client {possibleDuplicateOfId}, who is on another caseload. "
            + "Decide whether to keep or merge the records; the coordinator of this case was not told of the match.",
        CreatedAt = now, DueAt = now + DuplicateReviewDueIn, Status = CoordinatorTaskStatus.Open,
    };
}
