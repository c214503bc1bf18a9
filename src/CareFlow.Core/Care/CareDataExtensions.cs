using System.Linq.Expressions;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;

namespace CareFlow.Core.Care;

/// <summary>Loads the entities activities work on, failing clearly (an incident) when one was deleted.</summary>
public static class CareDataExtensions
{
    public static async Task<Case> RequireCaseAsync(this ICareData data, Guid caseId, CancellationToken cancellationToken = default)
    {
        // A case opened earlier in this burst is not in the database yet: look in the unit of work first.
        return data.Local<Case>().FirstOrDefault(c => c.Id == caseId)
            ?? await data.FirstOrDefaultAsync(data.Query<Case>().Where(c => c.Id == caseId), cancellationToken)
            ?? throw CareEntityNotFoundException.For("Case", caseId);
    }

    public static async Task<Client> RequireClientAsync(this ICareData data, Guid clientId, CancellationToken cancellationToken = default)
    {
        return data.Local<Client>().FirstOrDefault(c => c.Id == clientId)
            ?? await data.FirstOrDefaultAsync(data.Query<Client>().Where(c => c.Id == clientId), cancellationToken)
            ?? throw CareEntityNotFoundException.For("Client", clientId);
    }

    /// <summary>The case and its client; a case whose client was deleted is as unusable as a deleted case.</summary>
    public static async Task<(Case Case, Client Client)> RequireCaseAndClientAsync(this ICareData data, Guid caseId, CancellationToken cancellationToken = default)
    {
        var @case = await data.RequireCaseAsync(caseId, cancellationToken);
        return (@case, await data.RequireClientAsync(@case.ClientId, cancellationToken));
    }

    /// <summary>The first match in the unit of work (added earlier in this burst) or else in the database.</summary>
    public static async Task<T?> FindAsync<T>(this ICareData data, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) where T : class
    {
        return data.Local<T>().FirstOrDefault(predicate.Compile()) ?? await data.FirstOrDefaultAsync(data.Query<T>().Where(predicate), cancellationToken);
    }
}
