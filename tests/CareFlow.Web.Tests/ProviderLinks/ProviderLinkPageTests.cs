using System.Net;

namespace CareFlow.Web.Tests.ProviderLinks;

public sealed class ProviderLinkPageTests : IClassFixture<CareFlowApp<CareFlowAppOptions>>
{
    private readonly CareFlowApp<CareFlowAppOptions> _app;

    public ProviderLinkPageTests(CareFlowApp<CareFlowAppOptions> app) => _app = app;

    [Theory]
    [InlineData("/r/garbage")]
    [InlineData("/r/0123456789abcdef0123456789abcdef.AAAA")]
    [InlineData("/r/%3Cscript%3E")]
    public async Task Get_AnswersANoStore404Page_ForAnInvalidToken(string path)
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This link is not valid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("no-referrer", response.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public async Task Post_RefusesAnInvalidToken_BeforeLookingAtTheForm()
    {
        using var client = _app.CreateClient();
        using var content = new FormUrlEncodedContent([new("reason", "Other")]);

        using var response = await client.PostAsync(new Uri("/r/garbage/decline", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/outbox")]
    [InlineData("/hangfire")]
    public async Task AdminViews_AreClosedToAnonymousCallers(string path)
    {
        using var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Forbidden, response.StatusCode.ToString());
    }
}
