using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Security;

/// <summary>
/// The embedded default in the Production environment behind a simulated reverse proxy: every request arrives from
/// <see cref="Proxy"/> (10.0.0.5, configured in <c>CareFlow:ForwardedHeaders:KnownProxies:0</c>) unless the test sends
/// <c>X-Test-Peer</c> to arrive from another address. Provider links allow two requests per minute per client address.
/// </summary>
public sealed class ProxyApp : CareFlowAppOptions
{
    public const string Proxy = "10.0.0.5";
    public const string PeerHeader = "X-Test-Peer";

    public ProxyApp()
    {
        DataDirectoryPrefix = "careflow-proxy-tests";
        Environment = "Production";
        DemoData = false;
        Settings["CareFlow:ForwardedHeaders:KnownProxies:0"] = Proxy;
        Settings["ProviderLinks:RequestsPerMinute"] = "2";
    }

    public override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, SimulatedPeer>();

    /// <summary>The test server has no socket: set the connection's address as a proxy's would be.</summary>
    private sealed class SimulatedPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                var peer = context.Request.Headers[PeerHeader].ToString();
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.Length > 0 ? peer : Proxy);
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>Clients of the proxied app.</summary>
public static class ProxyAppClients
{
    /// <summary>A client on https://careflow.test, optionally with an X-Forwarded-For value and a simulated peer address.</summary>
    public static HttpClient Client(this CareFlowApp<ProxyApp> app, string? forwardedFor = null, string? peer = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://careflow.test") });
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (peer is not null) client.DefaultRequestHeaders.Add(ProxyApp.PeerHeader, peer);
        return client;
    }
}
