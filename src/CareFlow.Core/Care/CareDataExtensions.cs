using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;

namespace CareFlow.Core.Care;

/// <summary>Loads the entities activities work on, failing clearly (an incident) when one was deleted.</summary>
public static class CareDataExtensions
{
    public static async Task<Case> RequireCaseAsync(this ICareData data, Guid caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return await data.FirstOrDefaultAsync(data.Query<Case>().Where(c => c.Id == caseId), cancellationToken)
            ?? throw CareEntityNotFoundException.For("Case", caseId);
    }

    public static async Task<Client> RequireClientAsync(this ICareData data, Guid clientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return await data.FirstOrDefaultAsync(data.Query<Client>().Where(c => c.Id == clientId), cancellationToken)
            ?? throw CareEntityNotFoundException.For("Client", clientId);
    }

    /// <summary>The case and its client; a case whose client was deleted is as unusable as a deleted case.</summary>
    public static async Task<(Case Case, Client Client)> RequireCaseAndClientAsync(this ICareData data, Guid caseId, CancellationToken cancellationToken = default)
    {
        var @case = await data.RequireCaseAsync(caseId, cancellationToken);
        return (@case, await data.RequireClientAsync(@case.ClientId, cancellationToken));
    }
}
