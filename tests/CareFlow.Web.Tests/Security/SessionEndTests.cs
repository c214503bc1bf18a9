using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareFlow.Web.Tests.Security;

/// <summary>
/// A copy of the session cookie saved while signed in is refused, on a page and on <c>/api</c>, as soon as the session
/// is ended on the server: by signing out, or by an admin locking the user, resetting the password or changing the
/// roles. The fake clock never moves, so the revalidation interval plays no part.
/// </summary>
public sealed class SessionEndTests(CareFlowApp<SecurityApp> app) : IClassFixture<CareFlowApp<SecurityApp>>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SigningOut_EndsTheSession_ASavedCookieIsRefusedOnPagesAndApi()
    {
        var (client, cookie) = await SignInSavingCookieAsync("cora");
        using (client)
        {
            await AssertAcceptedAsync(cookie);
            var page = await client.GetStringAsync("/", Cancel);
            using var signOut = await client.PostAsync("/account/sign-out",
                new FormUrlEncodedContent([new(Forms.TokenField, Forms.Token(page))]), Cancel);
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        await AssertRefusedAsync(cookie);
    }

    [Theory]
    [InlineData("Lock", "dana")]
    [InlineData("ResetPassword", "ben")]
    [InlineData("Roles", "sam")]
    public async Task AnAdminChange_EndsTheUsersSession_AtOnce(string handler, string victim)
    {
        var (client, cookie) = await SignInSavingCookieAsync(victim);
        client.Dispose();
        await AssertAcceptedAsync(cookie);

        using var admin = await app.SignInAsync("ada", Cancel);
        var page = await admin.GetStringAsync("/admin/users", Cancel);
        var userId = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == victim).Id));
        var fields = new List<KeyValuePair<string, string>> { new(Forms.TokenField, Forms.Token(page)), new("UserId", userId) };
        if (handler == "ResetPassword") fields.Add(new("NewPassword", "a-brand-new-password-42"));
        if (handler == "Roles") fields.Add(new("Roles", "coordinator"));
        using var changed = await admin.PostAsync($"/admin/users?handler={handler}", new FormUrlEncodedContent(fields), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await AssertRefusedAsync(cookie);
    }

    /// <summary>Signs in through the form and keeps the session cookie's <c>Set-Cookie</c> values (every chunk).</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInSavingCookieAsync(string userName)
    {
        var client = app.Anonymous();
        using var response = await Forms.PostSignInAsync(client, userName, SecurityApp.Password, "/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var parts = response.Headers.GetValues("Set-Cookie")
            .Select(h => h.Split(';')[0])
            .Where(c => c.StartsWith("careflow.session", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(parts);
        return (client, string.Join("; ", parts));
    }

    private HttpClient Replaying(string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return client;
    }

    private async Task AssertAcceptedAsync(string cookie)
    {
        using var client = Replaying(cookie);
        using var page = await client.GetAsync("/tasks", Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var api = await client.GetAsync("/api/cases", Cancel);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    private async Task AssertRefusedAsync(string cookie)
    {
        using var client = Replaying(cookie);
        using var page = await client.GetAsync("/tasks", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", page.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        using var api = await client.GetAsync("/api/cases", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}
