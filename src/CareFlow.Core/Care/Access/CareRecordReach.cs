using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Screening;
using CareFlow.Core.Care.Tasks;

namespace CareFlow.Core.Care.Access;

/// <summary>
/// Who may reach which care record: a coordinator the records of the cases on their caseload (a client through any of
/// its cases, an intake request they entered), a caller who sees every caseload all of them.
/// </summary>
/// <param name="CoordinatorId">The caller's user name, as <see cref="Case.CoordinatorId"/> stores it.</param>
/// <param name="SeesAll">Supervisors, admins and API-key callers: every case.</param>
public sealed record CareRecordReach(string CoordinatorId, bool SeesAll)
{
    /// <summary>The cases within reach.</summary>
    public IQueryable<Case> Cases(ICareData data)
    {
        return SeesAll ? data.Query<Case>() : data.Query<Case>().Where(c => c.CoordinatorId == CoordinatorId);
    }

    /// <summary>
    /// What record <paramref name="id"/> names (case, client, referral, task, check-in, consent, plan, need or intake
    /// request), the case it belongs to when it belongs to one, and whether the caller may reach it; null when it names
    /// no care record.
    /// </summary>
    public async Task<ReachedRecord?> ResolveAsync(ICareData data, Guid id, CancellationToken cancellationToken)
    {
        var caseIds = Cases(data).Select(c => c.Id);
        if (await data.CountAsync(data.Query<Case>().Where(c => c.Id == id), cancellationToken) > 0)
            return new ReachedRecord("case", id, id, await data.CountAsync(caseIds.Where(c => c == id), cancellationToken) > 0);
        if (await data.CountAsync(data.Query<Client>().Where(c => c.Id == id), cancellationToken) > 0)
            return new ReachedRecord("client", id, null, SeesAll || await data.CountAsync(Cases(data).Where(c => c.ClientId == id), cancellationToken) > 0);
        if (await data.CountAsync(data.Query<Consent>().Where(c => c.Id == id), cancellationToken) > 0)
        {
            var clientIds = data.Query<Consent>().Where(c => c.Id == id).Select(c => c.ClientId);
            return new ReachedRecord("consent", id, null, SeesAll || await data.CountAsync(Cases(data).Where(c => clientIds.Contains(c.ClientId)), cancellationToken) > 0);
        }

        if (await data.FirstOrDefaultAsync(data.Query<IntakeRequest>().Where(r => r.Id == id), cancellationToken) is { } intake)
        {
            if (intake.CaseId is { } intakeCase)
                return new ReachedRecord("intake", id, intakeCase, await data.CountAsync(caseIds.Where(c => c == intakeCase), cancellationToken) > 0);
            return new ReachedRecord("intake", id, null, SeesAll || intake.CoordinatorId == CoordinatorId);
        }

        var owningCase = await OwningCaseAsync(data, id, cancellationToken);
        if (owningCase is not { } found) return null;
        return new ReachedRecord(found.Kind, id, found.CaseId, await data.CountAsync(caseIds.Where(c => c == found.CaseId), cancellationToken) > 0);
    }

    private static async Task<(string Kind, Guid CaseId)?> OwningCaseAsync(ICareData data, Guid id, CancellationToken cancellationToken)
    {
        var candidates = new (string Kind, IQueryable<Guid> CaseIds)[]
        {
            ("referral", data.Query<Referral>().Where(r => r.Id == id).Select(r => r.CaseId)),
            ("task", data.Query<CoordinatorTask>().Where(t => t.Id == id).Select(t => t.CaseId)),
            ("check-in", data.Query<CheckIn>().Where(c => c.Id == id).Select(c => c.CaseId)),
            ("plan", data.Query<StabilizationPlan>().Where(p => p.Id == id).Select(p => p.CaseId)),
            ("need", data.Query<Need>().Where(n => n.Id == id).Select(n => n.CaseId)),
        };
        foreach (var (kind, query) in candidates)
        {
            var ids = await data.ToListAsync(query.Take(1), cancellationToken);
            if (ids.Count > 0) return (kind, ids[0]);
        }

        return null;
    }
}

/// <summary>A care record an id names: its kind, the case it belongs to (if any), and whether the caller may reach it.</summary>
public sealed record ReachedRecord(string Kind, Guid Id, Guid? CaseId, bool WithinReach);
