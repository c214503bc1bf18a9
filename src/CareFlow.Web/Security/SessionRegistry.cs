using CareFlow.Core.Sessions;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Security;

/// <summary>
/// The server side of the session cookie: a row per sign-in in <c>user_sessions</c>. The cookie is accepted only while
/// its row exists, so signing out, or an admin locking the user, resetting the password or changing the roles, ends
/// the session at once (a replayed cookie is refused), whatever the cookie itself still says.
/// </summary>
public sealed class SessionRegistry(CareFlowDbContext db, TimeProvider clock, IOptionsMonitor<CareFlowSessionOptions> options)
{
    /// <summary>Records a new session; the user's sessions past the absolute timeout are cleared on the way.</summary>
    public async Task StartAsync(string sessionId, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = now - options.CurrentValue.AbsoluteTimeout;
        await db.Set<UserSession>().Where(s => s.UserId == userId && s.SignedInAt < expired).ExecuteDeleteAsync(cancellationToken);
        db.Set<UserSession>().Add(new UserSession { Id = sessionId, UserId = userId, SignedInAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>True while the session has not been ended (one primary-key lookup).</summary>
    public Task<bool> IsActiveAsync(string sessionId, CancellationToken cancellationToken) =>
        db.Set<UserSession>().AsNoTracking().AnyAsync(s => s.Id == sessionId, cancellationToken);

    /// <summary>Ends one session (sign-out, timeout).</summary>
    public Task EndAsync(string sessionId, CancellationToken cancellationToken) =>
        db.Set<UserSession>().Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Ends every session of a user (lock, password reset, role change); joins the caller's transaction.</summary>
    public Task EndAllAsync(string userId, CancellationToken cancellationToken) =>
        db.Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
