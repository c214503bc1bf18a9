using CareFlow.Infrastructure.Settings;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareFlow.Infrastructure.Health;

/// <summary>Embedded default: healthy when the outbox folder exists.</summary>
internal sealed class OutboxHealthCheck(CareFlowDataPaths paths) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Directory.Exists(paths.Outbox)
            ? HealthCheckResult.Healthy($"outbox folder {paths.Outbox}")
            : new HealthCheckResult(context.Registration.FailureStatus, $"outbox folder {paths.Outbox} is missing"));
}
