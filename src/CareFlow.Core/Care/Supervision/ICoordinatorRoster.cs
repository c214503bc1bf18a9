namespace CareFlow.Core.Care.Supervision;

/// <summary>The people a case can be given to: the accounts in the coordinator role, by user name (<c>Case.CoordinatorId</c>).</summary>
public interface ICoordinatorRoster
{
    /// <summary>The user names of every account in the coordinator role, in order.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>True when <paramref name="userName"/> names an account in the coordinator role.</summary>
    Task<bool> IsCoordinatorAsync(string userName, CancellationToken cancellationToken = default);
}
