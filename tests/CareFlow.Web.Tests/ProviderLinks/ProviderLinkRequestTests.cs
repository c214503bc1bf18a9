using System.Net;
using System.Text;
using CareFlow.Core.ProviderLinks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.ProviderLinks;

/// <summary>
/// The provider pages' HTTP surface without a referral behind the link: which method each URL answers, the order of
/// the checks on a post (token, then form, then anti-forgery), the status of each refusal and the headers every
/// provider page carries (never cached, no referrer, not indexed, its own Content-Security-Policy).
/// </summary>
public sealed class ProviderLinkRequestTests(CareFlowApp<CareFlowAppOptions> app) : IClassFixture<CareFlowApp<CareFlowAppOptions>>
{
    /// <summary>The provider pages' policy: no script at all, the page's own inline style, forms to this site only.</summary>
    private const string ProviderPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string[] Actions = ["accept", "decline", "start", "complete", "code", "details"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A correctly signed token for a link that has no row in the database.</summary>
    private string SignedToken(TimeSpan validFor) =>
        app.Services.GetRequiredService<IProviderLinkTokens>()
            .Issue(new ProviderLink { Id = Guid.NewGuid(), ReferralId = Guid.NewGuid() }, DateTimeOffset.UtcNow + validFor);

    private static void AssertProviderPage(HttpResponseMessage response, string html, HttpStatusCode status, string heading)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("noindex, nofollow", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
        Assert.Equal(ProviderPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("<meta name=\"referrer\" content=\"no-referrer\">", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<nav", html, StringComparison.OrdinalIgnoreCase); // none of the coordinator app's chrome
        Assert.DoesNotContain("Sign out", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OfAForgedLink_IsA404ProviderPage_WithTheProviderHeaders_AndSetsNoCookie()
    {
        using var client = Browser();

        using var response = await client.GetAsync(new Uri("/r/garbage", UriKind.Relative), Cancel);

        AssertProviderPage(response, await response.Content.ReadAsStringAsync(Cancel), HttpStatusCode.NotFound, "This link is not valid");
        Assert.False(response.Headers.Contains("Set-Cookie"), "A refused link sets no cookie.");
    }

    [Fact]
    public async Task Get_OfASignedLinkWithoutARow_IsA404ProviderPage()
    {
        using var client = Browser();

        using var response = await client.GetAsync(new Uri("/r/" + SignedToken(TimeSpan.FromDays(1)), UriKind.Relative), Cancel);

        AssertProviderPage(response, await response.Content.ReadAsStringAsync(Cancel), HttpStatusCode.NotFound, "This link is not valid");
    }

    [Fact]
    public async Task Get_OfAnExpiredLink_IsA410ProviderPage()
    {
        using var client = Browser();

        using var response = await client.GetAsync(new Uri("/r/" + SignedToken(TimeSpan.FromDays(-1)), UriKind.Relative), Cancel);

        AssertProviderPage(response, await response.Content.ReadAsStringAsync(Cancel), HttpStatusCode.Gone, "This link has expired");
    }

    [Fact]
    public async Task EveryAction_OfAForgedLink_IsA404ProviderPage_BeforeTheFormIsRead()
    {
        using var client = Browser();
        foreach (var action in Actions)
        {
            using var content = new StringContent("{}", Encoding.UTF8, "application/json");

            using var response = await client.PostAsync(new Uri("/r/garbage/" + action, UriKind.Relative), content, Cancel);

            AssertProviderPage(response, await response.Content.ReadAsStringAsync(Cancel), HttpStatusCode.NotFound, "This link is not valid");
        }
    }

    [Fact]
    public async Task EveryAction_OfAnExpiredLink_IsA410ProviderPage()
    {
        using var client = Browser();
        var token = SignedToken(TimeSpan.FromDays(-1));
        foreach (var action in Actions)
        {
            using var content = new FormUrlEncodedContent([new("code", "123456")]);

            using var response = await client.PostAsync(new Uri($"/r/{token}/{action}", UriKind.Relative), content, Cancel);

            AssertProviderPage(response, await response.Content.ReadAsStringAsync(Cancel), HttpStatusCode.Gone, "This link has expired");
        }
    }

    [Fact]
    public async Task EveryAction_WithoutAForm_IsA415ProviderPage()
    {
        using var client = Browser();
        var token = SignedToken(TimeSpan.FromDays(1));
        foreach (var action in Actions)
        {
            using var content = new StringContent("{\"reason\":\"Other\"}", Encoding.UTF8, "application/json");

            using var response = await client.PostAsync(new Uri($"/r/{token}/{action}", UriKind.Relative), content, Cancel);

            AssertProviderPage(response, await response.Content.ReadAsStringAsync(Cancel), HttpStatusCode.UnsupportedMediaType, "Unexpected request");
        }
    }

    [Fact]
    public async Task EveryAction_WithoutAnAntiforgeryToken_IsA400ProviderPage()
    {
        using var client = Browser();
        var token = SignedToken(TimeSpan.FromDays(1));
        foreach (var action in Actions)
        {
            using var content = new FormUrlEncodedContent([new("reason", "Other"), new("code", "123456")]);

            using var response = await client.PostAsync(new Uri($"/r/{token}/{action}", UriKind.Relative), content, Cancel);

            AssertProviderPage(response, await response.Content.ReadAsStringAsync(Cancel), HttpStatusCode.BadRequest, "The page has expired");
        }
    }

    [Fact]
    public async Task EveryAction_WithAnAntiforgeryTokenOfAnotherCookie_IsA400ProviderPage()
    {
        using var issuer = Browser();
        var foreign = Forms.Token(await issuer.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative), Cancel));
        using var client = Browser();
        var token = SignedToken(TimeSpan.FromDays(1));
        foreach (var action in Actions)
        {
            using var content = new FormUrlEncodedContent([new(Forms.TokenField, foreign), new("reason", "Other"), new("code", "123456")]);

            using var response = await client.PostAsync(new Uri($"/r/{token}/{action}", UriKind.Relative), content, Cancel);

            AssertProviderPage(response, await response.Content.ReadAsStringAsync(Cancel), HttpStatusCode.BadRequest, "The page has expired");
        }
    }

    [Fact]
    public async Task EveryAction_WithAValidAntiforgeryToken_OfASignedLinkWithoutARow_IsA404ProviderPage()
    {
        using var client = Browser();
        var antiforgery = Forms.Token(await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative), Cancel));
        var token = SignedToken(TimeSpan.FromDays(1));
        foreach (var action in Actions)
        {
            using var content = new FormUrlEncodedContent([new(Forms.TokenField, antiforgery), new("reason", "Other"), new("reasonText", "x"), new("code", "123456")]);

            using var response = await client.PostAsync(new Uri($"/r/{token}/{action}", UriKind.Relative), content, Cancel);

            AssertProviderPage(response, await response.Content.ReadAsStringAsync(Cancel), HttpStatusCode.NotFound, "This link is not valid");
        }
    }

    [Theory]
    [InlineData("POST", "/r/garbage")]
    [InlineData("PUT", "/r/garbage")]
    [InlineData("HEAD", "/r/garbage")]
    [InlineData("DELETE", "/r/garbage")]
    [InlineData("GET", "/r/garbage/accept")]
    [InlineData("GET", "/r/garbage/decline")]
    [InlineData("GET", "/r/garbage/start")]
    [InlineData("GET", "/r/garbage/complete")]
    [InlineData("GET", "/r/garbage/code")]
    [InlineData("GET", "/r/garbage/details")]
    [InlineData("PUT", "/r/garbage/accept")]
    public async Task OtherMethods_Are405(string method, string path)
    {
        using var client = Browser();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method != "GET") request.Content = new FormUrlEncodedContent([new("reason", "Other")]);

        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("/r/{token}/withdraw")]
    [InlineData("/r/{token}/accept/again")]
    [InlineData("/r/{token}?handler=accept")]
    [InlineData("/r/{token}/?handler=decline")]
    public async Task OtherPaths_ReachNoProviderAction(string template)
    {
        using var client = Browser();
        var path = template.Replace("{token}", SignedToken(TimeSpan.FromDays(1)), StringComparison.Ordinal);
        using var content = new FormUrlEncodedContent([new("reason", "Other")]);

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, Cancel);

        // An action reached would check the anti-forgery token and answer 400 "The page has expired".
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{path} answered {(int)response.StatusCode}");
        Assert.DoesNotContain("The page has expired", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
