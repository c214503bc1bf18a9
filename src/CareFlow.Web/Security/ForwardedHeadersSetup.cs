using System.Net;
using CareFlow.Core.Configuration;
using Microsoft.AspNetCore.HttpOverrides;

namespace CareFlow.Web.Security;

/// <summary>
/// Running behind a reverse proxy: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the
/// proxies named in <c>CareFlow:ForwardedHeaders:KnownProxies:n</c> (IP addresses) and
/// <c>CareFlow:ForwardedHeaders:KnownNetworks:n</c> (CIDR, e.g. <c>10.0.0.0/8</c>). With neither set the headers are
/// ignored, so nobody can choose their own client address. The client address then drives the per-address rate
/// limits and the audit log's remote IP.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string SectionName = "CareFlow:ForwardedHeaders";

    /// <summary>Reads and checks the proxy settings; a malformed address fails start-up with one line naming it.</summary>
    /// <exception cref="CareFlowConfigurationException">An entry is not an IP address or a CIDR network.</exception>
    public static IServiceCollection AddCareFlowForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var proxies = new List<IPAddress>();
        foreach (var entry in section.GetSection("KnownProxies").GetChildren().Where(e => !string.IsNullOrWhiteSpace(e.Value)))
        {
            proxies.Add(IPAddress.TryParse(entry.Value!.Trim(), out var address)
                ? address
                : throw new CareFlowConfigurationException($"Configuration error: {entry.Path} must be an IP address such as 10.0.0.5 (got \"{entry.Value}\")."));
        }
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in section.GetSection("KnownNetworks").GetChildren().Where(e => !string.IsNullOrWhiteSpace(e.Value)))
        {
            networks.Add(System.Net.IPNetwork.TryParse(entry.Value!.Trim(), out var network)
                ? network
                : throw new CareFlowConfigurationException($"Configuration error: {entry.Path} must be a network in CIDR form such as 10.0.0.0/8 (got \"{entry.Value}\")."));
        }

        services.AddSingleton(new TrustedProxies(proxies.Count + networks.Count > 0));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Replace the framework's loopback defaults: only what is configured is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
            options.ForwardLimit = 1;
        });
        return services;
    }

    /// <summary>
    /// Applies the forwarded headers when a proxy is configured. Without one the middleware is left out on purpose:
    /// with empty lists ASP.NET Core would trust the headers from anyone.
    /// </summary>
    public static WebApplication UseCareFlowForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TrustedProxies>().Any)
            app.UseForwardedHeaders();
        return app;
    }

    /// <summary>Whether any proxy or network is configured.</summary>
    private sealed record TrustedProxies(bool Any);
}
