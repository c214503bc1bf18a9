using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareFlow.Infrastructure.Health;

/// <summary>Healthy when the database answers and every migration is applied. Reports the provider, never the connection string.</summary>
internal sealed class DatabaseHealthCheck(CareFlowDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"{db.ProviderName}: cannot connect");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
            var data = new Dictionary<string, object> { ["appliedMigrations"] = applied, ["pendingMigrations"] = pending };
            return pending == 0
                ? HealthCheckResult.Healthy(db.ProviderName, data)
                : new HealthCheckResult(context.Registration.FailureStatus, $"{db.ProviderName}: {pending} pending migrations", data: data);
        }
        catch (Exception ex)
        {
            // Only the exception type: provider messages can carry host names and user names.
            return new HealthCheckResult(context.Registration.FailureStatus, $"{db.ProviderName}: {ex.GetType().Name}");
        }
    }
}
