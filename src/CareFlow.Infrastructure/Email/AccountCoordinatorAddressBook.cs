using CareFlow.Core.Email;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Email;

/// <summary>
/// A coordinator's address from their CareFlow account (the email an admin set on <c>/admin/users</c>), falling back
/// to <c>Email:CoordinatorAddresses:{userName}</c> for accounts without one.
/// </summary>
public sealed class AccountCoordinatorAddressBook(CareFlowDbContext db, ConfigurationCoordinatorAddressBook configured) : ICoordinatorAddressBook
{
    public async Task<string?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = userName.Normalize().ToUpperInvariant(); // as Identity's UpperInvariantLookupNormalizer
        var email = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedUserName == normalized && u.Email != null && u.Email != "")
            .Select(u => u.Email)
            .FirstOrDefaultAsync(cancellationToken);
        return email ?? await configured.FindAsync(userName, cancellationToken);
    }
}
