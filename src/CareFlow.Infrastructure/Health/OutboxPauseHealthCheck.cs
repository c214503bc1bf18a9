using System.Globalization;
using CareFlow.Infrastructure.Outbox;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareFlow.Infrastructure.Health;

/// <summary>Degraded while the outbox is paused by an SMTP authentication or configuration error (emails wait, none is lost).</summary>
internal sealed class OutboxPauseHealthCheck(OutboxPause pause) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(pause.Reason is { } reason
            ? HealthCheckResult.Degraded(
                string.Create(CultureInfo.InvariantCulture, $"outbox paused since {pause.Since:u}: {reason}; resume on /admin/outbox"),
                data: new Dictionary<string, object> { ["paused"] = true })
            : HealthCheckResult.Healthy("outbox running"));
}
