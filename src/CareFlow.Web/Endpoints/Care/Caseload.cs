using System.Security.Claims;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Tasks;
using CareFlow.Web.Security;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>
/// What the caller may reach: a coordinator only the cases on their caseload; a supervisor, an admin or an API-key
/// caller every case. Every query of the care API starts from <see cref="Cases"/>.
/// </summary>
internal sealed record Caseload(string UserId, bool SeesAll)
{
    public static Caseload Of(ClaimsPrincipal user)
    {
        // The user name (Name claim) is what Case.CoordinatorId stores; NameIdentifier is Identity's internal user id.
        var id = user.FindFirstValue(ClaimTypes.Name) ?? "";
        var all = user.IsInRole(CareFlowRoles.Supervisor) || user.IsInRole(CareFlowRoles.Admin)
            || user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == CareFlowAuthenticationSchemes.ApiKey);
        return new Caseload(id, all);
    }

    /// <summary>The same caseload as Core's reach rule, for use cases that resolve ids of any kind.</summary>
    public CareFlow.Core.Care.Access.CareRecordReach Reach => new(UserId, SeesAll);

    public IQueryable<Case> Cases(ICareData data) => SeesAll ? data.Query<Case>() : data.Query<Case>().Where(c => c.CoordinatorId == UserId);

    public IQueryable<Guid> CaseIds(ICareData data) => Cases(data).Select(c => c.Id);

    public async Task<bool> CanSeeCaseAsync(ICareData data, Guid caseId, CancellationToken cancellationToken) =>
        await data.CountAsync(Cases(data).Where(c => c.Id == caseId), cancellationToken) > 0;

    public async Task<bool> CanSeeTaskAsync(ICareData data, Guid taskId, CancellationToken cancellationToken)
    {
        var caseIds = CaseIds(data);
        return await data.CountAsync(SupervisorTasks.VisibleTo(data.Query<CoordinatorTask>(), SeesAll).Where(t => t.Id == taskId && caseIds.Contains(t.CaseId)), cancellationToken) > 0;
    }

    public async Task<bool> CanSeeClientAsync(ICareData data, Guid clientId, CancellationToken cancellationToken) =>
        SeesAll || await data.CountAsync(Cases(data).Where(c => c.ClientId == clientId), cancellationToken) > 0;
}
