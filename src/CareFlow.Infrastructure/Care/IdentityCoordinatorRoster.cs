using CareFlow.Core.Care.Supervision;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Care;

/// <summary>The coordinator role's accounts from the ASP.NET Core Identity tables.</summary>
public sealed class IdentityCoordinatorRoster(CareFlowDbContext db) : ICoordinatorRoster
{
    /// <summary>The role's normalised name (the host's <c>CareFlowRoles.Coordinator</c>, upper-cased as Identity stores it).</summary>
    public const string NormalizedRoleName = "COORDINATOR";

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default) =>
        await Coordinators().OrderBy(u => u).ToListAsync(cancellationToken);

    public async Task<bool> IsCoordinatorAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = userName.Normalize().ToUpperInvariant(); // as Identity's UpperInvariantLookupNormalizer
        return await (from u in db.Users.AsNoTracking()
                      join ur in db.UserRoles.AsNoTracking() on u.Id equals ur.UserId
                      join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                      where r.NormalizedName == NormalizedRoleName && u.NormalizedUserName == normalized && u.UserName == userName
                      select u.Id).AnyAsync(cancellationToken);
    }

    private IQueryable<string> Coordinators() =>
        from u in db.Users.AsNoTracking()
        join ur in db.UserRoles.AsNoTracking() on u.Id equals ur.UserId
        join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
        where r.NormalizedName == NormalizedRoleName && u.UserName != null
        select u.UserName!;
}
