using CareFlow.Infrastructure.Settings;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareFlow.Infrastructure.Health;

/// <summary>Healthy when the job storage answers; reports the storage and how many servers are heartbeating.</summary>
internal sealed class HangfireHealthCheck(JobStorage storage, InfrastructureSettings settings) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var description = settings.UsesPostgres ? "postgresql (schema hangfire)" : "in-memory";
        try
        {
            var servers = storage.GetMonitoringApi().Servers().Count;
            var data = new Dictionary<string, object> { ["storage"] = settings.UsesPostgres ? "postgresql" : "in-memory", ["servers"] = servers };
            return Task.FromResult(HealthCheckResult.Healthy(description, data));
        }
        catch (Exception ex)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"{description}: {ex.GetType().Name}"));
        }
    }
}
