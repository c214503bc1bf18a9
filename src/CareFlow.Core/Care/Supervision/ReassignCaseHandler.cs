using CareFlow.Core.Audit;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Hygiene;
using CareFlow.Core.Reminders;

namespace CareFlow.Core.Care.Supervision;

/// <summary>
/// A supervisor gives a case to another coordinator. The case's open tasks and pending check-ins follow it (they are
/// the case's), and so do their reminders: each pending reminder email is cancelled and queued again for the new
/// coordinator. Access follows <see cref="Case.CoordinatorId"/>, which every caseload query reads, so the previous
/// coordinator's next request for the case is refused. The timeline says who moved it and why; so does the audit log.
/// The caller has checked that the actor may reassign (supervisors, admins, API keys).
/// </summary>
public sealed class ReassignCaseHandler(ICareData data, ICoordinatorRoster roster, CoordinatorReminders reminders, TimeProvider time)
{
    /// <summary>Gives case <paramref name="caseId"/> to <paramref name="coordinatorId"/> for <paramref name="reason"/>, as <paramref name="by"/>.</summary>
    public async Task<CaseReassignment> HandleAsync(Guid caseId, string? coordinatorId, string? reason, string by, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(by)) throw new CareValidationException("by", "A reassignment needs the name of the supervisor who makes it.");
        var to = coordinatorId?.Trim();
        if (string.IsNullOrEmpty(to)) throw new CareValidationException("coordinatorId", "Choose the coordinator who takes the case.");
        if (to.Length > 200 || TextHygiene.NameProblem(to) is not null) throw new CareValidationException("coordinatorId", "Not a coordinator's user name.");
        var why = SupervisorReason.Require(reason, "the case is reassigned");
        var @case = await data.FirstOrDefaultAsync(data.Query<Case>().Where(c => c.Id == caseId), cancellationToken)
            ?? throw new CareValidationException("caseId", "Unknown case.");
        if (!await roster.IsCoordinatorAsync(to, cancellationToken))
            throw new CareValidationException("coordinatorId", "Choose an account in the coordinator role.");
        if (string.Equals(@case.CoordinatorId, to, StringComparison.Ordinal))
            throw new CareValidationException("coordinatorId", "That coordinator already has this case.");

        var now = time.GetUtcNow();
        var from = @case.CoordinatorId;
        @case.CoordinatorId = to;
        @case.CoordinatorName = to;
        CaseJournal.Record(data, caseId, now, "reassigned", $"Case reassigned from {from} to {to} by {by}: {why}");

        var openTasks = await data.ToListAsync(data.Query<CoordinatorTask>().Where(t => t.CaseId == caseId
            && (t.Status == CoordinatorTaskStatus.Open || t.Status == CoordinatorTaskStatus.Overdue)), cancellationToken);
        foreach (var task in openTasks) await reminders.ForTaskAsync(task, cancellationToken);
        var pendingCheckIns = await data.ToListAsync(data.Query<CheckIn>().Where(c => c.CaseId == caseId && c.Outcome == null), cancellationToken);
        foreach (var checkIn in pendingCheckIns) await reminders.ForCheckInAsync(checkIn, cancellationToken);

        SupervisorAudit.Record(data, now, by, AuditActions.CaseReassigned, "case", caseId, "ReassignCase",
            $"from={from}; to={to}; open tasks={openTasks.Count}; pending check-ins={pendingCheckIns.Count}; reason={why}");
        await data.SaveChangesAsync(cancellationToken);
        return new CaseReassignment(caseId, from, to, openTasks.Count, pendingCheckIns.Count);
    }
}
