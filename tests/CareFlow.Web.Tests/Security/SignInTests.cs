using System.Net;
using CareFlow.Core.Audit;
using CareFlow.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Web.Tests.Security;

public sealed class SignInTests(CareFlowApp<SecurityApp> app) : IClassFixture<CareFlowApp<SecurityApp>>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConfiguredUser_SignsIn_WithTheConfiguredHash_AndIsRedirectedToTheReturnUrl()
    {
        using var client = app.Anonymous();
        using var response = await Forms.PostSignInAsync(client, "cora", SecurityApp.Password, "/designer", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/designer", response.Headers.Location?.OriginalString);
        using var designer = await client.GetAsync("/designer", Cancel);
        Assert.Equal(HttpStatusCode.OK, designer.StatusCode);
        var row = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SignIn && e.Actor == "cora").OrderBy(e => e.Id).LastAsync(Cancel));
        Assert.Equal("cora", row.TargetId);
        Assert.Equal("user", row.TargetType);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("")]
    public async Task UnsafeReturnUrl_RedirectsHome(string returnUrl)
    {
        using var client = app.Anonymous();
        using var response = await Forms.PostSignInAsync(client, "ben", SecurityApp.Password, returnUrl, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task WrongPassword_And_UnknownUser_GetTheSameGenericError_AndAreAudited()
    {
        using var client = app.Anonymous();
        using var wrong = await Forms.PostSignInAsync(client, "dana", "not-the-password-at-all", null, Cancel);
        using var unknown = await Forms.PostSignInAsync(client, "nobody-here", "not-the-password-at-all", null, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync(Cancel);
        var unknownHtml = await unknown.Content.ReadAsStringAsync(Cancel);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(CareFlow.Web.Pages.Account.SignInModel.FailureMessage), wrongHtml, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(CareFlow.Web.Pages.Account.SignInModel.FailureMessage), unknownHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-at-all", wrongHtml, StringComparison.Ordinal);
        var failed = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SignInFailed).ToListAsync(Cancel));
        Assert.Contains(failed, e => e.TargetId == "dana" && e.Actor == "anonymous" && e.Status == 401);
        Assert.Contains(failed, e => e.TargetId == null && e.Route == SignInEndpoints.SignInPath);
    }

    [Fact]
    public async Task FiveFailures_LockTheAccount_SoEvenTheRightPasswordFails()
    {
        using var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            using var failure = await Forms.PostSignInAsync(client, "sam", "wrong-password-" + i, null, Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        }
        using var locked = await Forms.PostSignInAsync(client, "sam", SecurityApp.Password, null, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.LockedOut && e.TargetId == "sam", Cancel)));
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "sam").Select(u => u.LockoutEnd).SingleAsync(Cancel));
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.5));
    }

    [Fact]
    public async Task SignOut_NeedsTheAntiForgeryToken_AndEndsTheSession()
    {
        using var client = await app.SignInAsync("ben", Cancel);
        using var forged = await client.PostAsync(SignInEndpoints.SignOutPath, new FormUrlEncodedContent([]), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var page = await client.GetStringAsync(SignInEndpoints.SignInPath, Cancel);
        using var signOut = await client.PostAsync(SignInEndpoints.SignOutPath,
            new FormUrlEncodedContent([new(Forms.TokenField, Forms.Token(page))]), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await client.GetAsync("/api/cases", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
