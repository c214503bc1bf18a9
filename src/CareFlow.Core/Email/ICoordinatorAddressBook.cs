namespace CareFlow.Core.Email;

/// <summary>
/// Where a coordinator's emails go (reminders, escalations), by user name (<c>Case.CoordinatorId</c>): the address on
/// the coordinator's account, else one from configuration.
/// </summary>
public interface ICoordinatorAddressBook
{
    /// <summary>The coordinator's address, or null when none is known.</summary>
    Task<string?> FindAsync(string userName, CancellationToken cancellationToken = default);
}
