using System.Net;

namespace CareFlow.Infrastructure.Email;

/// <summary>Whether a host name stays on this machine, the only case where SMTP may run without TLS.</summary>
public static class LoopbackHost
{
    public static bool Is(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
