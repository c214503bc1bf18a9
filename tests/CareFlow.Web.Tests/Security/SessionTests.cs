using System.Net;

namespace CareFlow.Web.Tests.Security;

/// <summary>Idle (sliding) and absolute session timeouts on the fake clock, and revalidation after an admin locks a user.</summary>
public sealed class SessionTests(CareFlowApp<SecurityApp> app) : IClassFixture<CareFlowApp<SecurityApp>>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<HttpStatusCode> ApiStatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/cases", Cancel);
        return response.StatusCode;
    }

    [Fact]
    public async Task IdleSession_EndsAfter30Minutes_ButActivityKeepsItAlive()
    {
        using var active = await app.SignInAsync("cora", Cancel);
        using var idle = await app.SignInAsync("ben", Cancel);

        for (var i = 0; i < 4; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(active)); // 80 minutes in all, never 30 idle
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(idle));
    }

    [Fact]
    public async Task ActiveSession_EndsAtTheAbsoluteTimeout_OfEightHours()
    {
        using var client = await app.SignInAsync("dana", Cancel);
        var elapsed = TimeSpan.Zero;
        while (elapsed < TimeSpan.FromHours(7.75))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(15));
            elapsed += TimeSpan.FromMinutes(15);
            Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(client));
        }

        app.Clock.Advance(TimeSpan.FromMinutes(15)); // 8 h since sign-in, 15 min since the last request
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(client));
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(client));
    }

    [Fact]
    public async Task LockingAUser_EndsTheirOpenSession_WithinTheRevalidationInterval()
    {
        using var victim = await app.SignInAsync("sam", Cancel);
        using var admin = await app.SignInAsync("ada", Cancel);
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(victim));

        var page = await admin.GetStringAsync("/admin/users", Cancel);
        var samId = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == "sam").Id));
        using var locked = await admin.PostAsync("/admin/users?handler=Lock", new FormUrlEncodedContent(
            [new(Forms.TokenField, Forms.Token(page)), new("UserId", samId)]), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(victim));
        using var again = app.Anonymous();
        using var signIn = await Forms.PostSignInAsync(again, "sam", SecurityApp.Password, null, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }
}
