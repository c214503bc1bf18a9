using System.Net.Sockets;
using CareFlow.Infrastructure.Email;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CareFlow.Infrastructure.Health;

/// <summary>
/// SMTP mode: a TCP connect to the server (no SMTP conversation, no login). Registered as Degraded on failure:
/// email waits and retries, so an SMTP outage does not make CareFlow unready.
/// </summary>
internal sealed class SmtpHealthCheck(IOptions<SmtpOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        var description = $"smtp {smtp.Host}:{smtp.Port} ({(smtp.UseStartTls ? "TLS" : "loopback, no TLS")})";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(smtp.Host!, smtp.Port, timeout.Token);
            return HealthCheckResult.Healthy(description);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{description}: unreachable");
        }
    }
}
