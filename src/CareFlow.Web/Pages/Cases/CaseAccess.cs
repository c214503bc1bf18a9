using System.Security.Claims;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Web.Endpoints.Care;

namespace CareFlow.Web.Pages.Cases;

/// <summary>A case and its client, loaded through the caller's caseload: null (→ 404) when the case is not theirs.</summary>
internal sealed record CaseAccess(Case Case, Client Client)
{
    public static async Task<CaseAccess?> LoadAsync(ICareData data, ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await data.FirstOrDefaultAsync(Caseload.Of(user).Cases(data).Where(c => c.Id == caseId), cancellationToken);
        if (@case is null) return null;
        var client = await data.FirstOrDefaultAsync(data.Query<Client>().Where(c => c.Id == @case.ClientId), cancellationToken);
        return client is null ? null : new CaseAccess(@case, client);
    }
}
