using System.Net;
using CareFlow.Core.Audit;
using CareFlow.Core.Configuration;
using CareFlow.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Security;

/// <summary>
/// Behind a configured proxy the client's address (X-Forwarded-For) is the one rate limits and the audit log see;
/// from any other address the header is ignored. HSTS is sent outside Development.
/// </summary>
public sealed class ProxyTests(CareFlowApp<ProxyApp> app) : IClassFixture<CareFlowApp<ProxyApp>>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string?> FailedSignInAddressAsync(HttpClient client)
    {
        var userName = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        using var response = await Forms.PostSignInAsync(client, userName, "not-the-password-at-all", null, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var rows = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SignInFailed).OrderBy(e => e.Id).ToListAsync(Cancel));
        return rows[^1].RemoteIp;
    }

    [Fact]
    public async Task AuditLog_RecordsTheClientAddress_ForwardedByAKnownProxy_AndIgnoresTheHeaderFromAnyoneElse()
    {
        using (var viaProxy = app.Client(forwardedFor: "203.0.113.7"))
            Assert.Equal("203.0.113.7", await FailedSignInAddressAsync(viaProxy));
        using (var direct = app.Client(forwardedFor: "203.0.113.8", peer: "198.51.100.20"))
            Assert.Equal("198.51.100.20", await FailedSignInAddressAsync(direct));
    }

    [Fact]
    public async Task ProviderLinkRateLimit_CountsPerClient_NotPerProxy()
    {
        using var first = app.Client(forwardedFor: "203.0.113.10");
        using var second = app.Client(forwardedFor: "203.0.113.11");
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await first.GetAsync("/r/not-a-token", Cancel);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }
        using (var limited = await first.GetAsync("/r/not-a-token", Cancel))
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        using var other = await second.GetAsync("/r/not-a-token", Cancel);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task Hsts_IsSentOverHttps_OutsideDevelopment()
    {
        using var client = app.Client();
        using var response = await client.GetAsync("/account/sign-in", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var values), "no Strict-Transport-Security header");
        Assert.StartsWith("max-age=", Assert.Single(values), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CareFlow:ForwardedHeaders:KnownProxies:0", "proxy.example", "Configuration error: CareFlow:ForwardedHeaders:KnownProxies:0 must be an IP address such as 10.0.0.5 (got \"proxy.example\").")]
    [InlineData("CareFlow:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/40", "Configuration error: CareFlow:ForwardedHeaders:KnownNetworks:0 must be a network in CIDR form such as 10.0.0.0/8 (got \"10.0.0.0/40\").")]
    public void MalformedProxySetting_FailsStartUp_WithOneLineNamingIt(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        var error = Assert.Throws<CareFlowConfigurationException>(() => new ServiceCollection().AddCareFlowForwardedHeaders(configuration));
        Assert.Equal(expected, error.Message);
    }
}
