using System.Security.Claims;
using CareFlow.Core.Care;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Security;

namespace CareFlow.Web.Pages.Instances;

/// <summary>
/// Who may see which workflow instances: supervisors, admins and designers all; a coordinator only the instances
/// correlated to a case on their caseload (the stage workflows use the case id as correlation id).
/// </summary>
internal static class InstanceAccess
{
    public static bool SeesAll(ClaimsPrincipal user) => Caseload.Of(user).SeesAll || user.IsInRole(CareFlowRoles.Designer);

    /// <summary>The correlation ids the user may see; null means every instance.</summary>
    public static async Task<IReadOnlyCollection<string>?> CorrelationIdsAsync(ClaimsPrincipal user, ICareData data, CancellationToken cancellationToken)
    {
        if (SeesAll(user)) return null;
        var ids = await data.ToListAsync(Caseload.Of(user).CaseIds(data), cancellationToken);
        return [.. ids.Select(id => id.ToString())];
    }

    public static async Task<bool> CanSeeAsync(ClaimsPrincipal user, ICareData data, WorkflowInstanceRecord instance, CancellationToken cancellationToken) =>
        SeesAll(user) || (Guid.TryParse(instance.CorrelationId, out var caseId) && await Caseload.Of(user).CanSeeCaseAsync(data, caseId, cancellationToken));
}
