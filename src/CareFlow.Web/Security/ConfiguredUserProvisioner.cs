using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Security;

/// <summary>
/// At start-up (after the database is migrated, before anything listens): makes sure CareFlow's roles exist and copies
/// <c>CareFlow:Users:n</c> into ASP.NET Core Identity. A configured user missing from the database is created with
/// the configured hash (Identity's own format, see <see cref="PasswordHashing"/>); an existing one gets exactly the
/// configured roles, and keeps its password (an administrator may have reset it). Configuration never removes users.
/// </summary>
internal sealed partial class ConfiguredUserProvisioner(
    IServiceScopeFactory scopes,
    IOptions<CareFlowAccessOptions> access,
    ILogger<ConfiguredUserProvisioner> logger) : IHostedLifecycleService
{
    /// <summary>
    /// Several nodes may start at once on one database and race to create the same role or user; the loser's insert
    /// hits the unique index. It then starts over in a fresh scope (the failed context's tracked entities are
    /// useless) and finds the winner's rows, so every node starts.
    /// </summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ProvisionAsync();
                return;
            }
            catch (DbUpdateException) when (attempt < attempts)
            {
                LogRaced(logger, attempt);
            }
        }
    }

    private async Task ProvisionAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        foreach (var configured in access.Value.Users)
        {
            var roles = configured.Roles.Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();
            var user = await users.FindByNameAsync(configured.UserName.Trim());
            if (user is null)
            {
                user = new IdentityUser(configured.UserName.Trim()) { PasswordHash = configured.PasswordHash.Trim() };
                Check(await users.CreateAsync(user), configured.UserName);
                LogCreated(logger, user.UserName!);
            }
            var current = await users.GetRolesAsync(user);
            var remove = current.Except(roles, StringComparer.Ordinal).ToList();
            var add = roles.Except(current, StringComparer.Ordinal).ToList();
            if (remove.Count > 0)
                Check(await users.RemoveFromRolesAsync(user, remove), configured.UserName);
            if (add.Count > 0)
                Check(await users.AddToRolesAsync(user, add), configured.UserName);
            if (remove.Count > 0 || add.Count > 0)
            {
                Check(await users.UpdateSecurityStampAsync(user), configured.UserName);
                await scope.ServiceProvider.GetRequiredService<SessionRegistry>().EndAllAsync(user.Id, CancellationToken.None);
            }
        }
    }

    /// <summary>Creates any of <see cref="CareFlowRoles.All"/> that is missing.</summary>
    internal static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in CareFlowRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
        }
    }

    private static void Check(IdentityResult result, string subject)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Provisioning '{subject}' failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioning raced another node (attempt {Attempt}); starting over")]
    private static partial void LogRaced(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configured user {UserName} created")]
    private static partial void LogCreated(ILogger logger, string userName);
}
