using System.Net;
using CareFlow.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Security;

/// <summary>
/// The embedded default in the Production environment behind a simulated reverse proxy: every request arrives from
/// <see cref="Proxy"/> (10.0.0.5, configured in <c>CareFlow:ForwardedHeaders:KnownProxies:0</c>) unless the test sends
/// <c>X-Test-Peer</c> to arrive from another address. Provider links allow two requests per minute per client address.
/// </summary>
public sealed class ProxyAppFactory : WebApplicationFactory<Program>
{
    public const string Proxy = "10.0.0.5";
    public const string PeerHeader = "X-Test-Peer";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "careflow-proxy-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("CareFlow:DataDirectory", DataDirectory);
        builder.UseSetting("CareFlow:DemoData", "false");
        builder.UseSetting("CareFlow:ForwardedHeaders:KnownProxies:0", Proxy);
        builder.UseSetting("ProviderLinks:RequestsPerMinute", "2");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, SimulatedPeer>());
    }

    public HttpClient Client(string? forwardedFor = null, string? peer = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://careflow.test") });
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (peer is not null) client.DefaultRequestHeaders.Add(PeerHeader, peer);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<CareFlowDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CareFlowDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
    }

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
