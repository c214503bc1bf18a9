using System.Security.Claims;
using CareFlow.Core.Audit;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Web.Security;

namespace CareFlow.Web.Audit;

/// <summary>
/// Writes audit rows. Request rows (reads, changes, denials, sign-in events) are written after the outcome is known, in
/// their own scope and transaction: a failed or refused request rolls its own work back but its audit row still
/// lands, and the row never drags half-done tracked changes of the request into a commit. Account administration
/// instead adds its row to the same context and transaction as the change (<see cref="Add"/>).
/// </summary>
public sealed partial class AuditLog(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditLog> logger)
{
    /// <summary>Set on a request once it has its audit row, so the middleware does not write a second one.</summary>
    internal const string WrittenItem = "careflow.audit.written";

    /// <summary>The actor of a request: the user name, <c>apikey</c> or <c>anonymous</c>.</summary>
    public static string ActorOf(ClaimsPrincipal user)
    {
        if (user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == CareFlowAuthenticationSchemes.ApiKey))
            return "apikey";
        var named = user.Identities.FirstOrDefault(i => i.IsAuthenticated && !string.IsNullOrEmpty(i.Name));
        return named?.Name ?? "anonymous";
    }

    /// <summary>A row for this request: actor, route pattern (or path), method, remote address and the current time.</summary>
    public AuditEntry Describe(HttpContext http, string action, int status, string? targetType = null, string? targetId = null)
    {
        var (routeType, routeId) = AuditTargets.From(http);
        return new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = Truncate(ActorOf(http.User), 256),
            Action = action,
            TargetType = targetType ?? routeType,
            TargetId = Truncate(targetId ?? routeId, 256),
            Route = Truncate(AuditTargets.RouteOf(http), 512),
            Method = Truncate(http.Request.Method, 16),
            Status = status,
            RemoteIp = http.Connection.RemoteIpAddress?.ToString(),
        };
    }

    /// <summary>Writes <paramref name="entry"/> in its own transaction; a failure is logged, never thrown at the caller.</summary>
    public async Task WriteAsync(HttpContext? http, AuditEntry entry)
    {
        if (http is not null)
            http.Items[WrittenItem] = true;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogWriteFailed(logger, ex, entry.Action, entry.Route, entry.Status);
        }
    }

    /// <summary>Adds <paramref name="entry"/> to <paramref name="db"/> so that it commits (or not) with the change it records.</summary>
    public static void Add(CareFlowDbContext db, AuditEntry entry) => db.AuditEntries.Add(entry);

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit row not written (action {Action}, route {Route}, status {Status})")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string action, string route, int status);
}
