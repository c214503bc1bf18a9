using System.Net;
using CareFlow.IntegrationTests.Care;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Security;

/// <summary>
/// On PostgreSQL: a copy of the session cookie saved while signed in is refused on <c>/api</c> once the session ends on
/// the server, by signing out or by an admin locking the user (the fake clock does not move, so revalidation plays no
/// part).
/// </summary>
[Collection("care")]
public sealed partial class SessionReplayTests(CareFlowApp<CareApp> app) : IAsyncLifetime
{
    private const string Password = "replay-test-password";

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASavedCookie_IsRefused_AfterSignOut_AndAfterAnAdminLocksTheUser()
    {
        await CreateUserAsync("replay-admin", CareFlowRoles.Admin);
        var userId = await CreateUserAsync("replay-coordinator", CareFlowRoles.Coordinator);

        var (client, cookie) = await SignInAsync("replay-coordinator");
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(cookie));
        var page = await client.GetStringAsync("/", Cancel);
        using (var signOut = await client.PostAsync(SignInEndpoints.SignOutPath, new FormUrlEncodedContent([new(Forms.TokenField, Forms.Token(page))]), Cancel))
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        client.Dispose();
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(cookie));

        var (again, second) = await SignInAsync("replay-coordinator");
        again.Dispose();
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(second));
        var (admin, _) = await SignInAsync("replay-admin");
        using (admin)
        {
            var users = await admin.GetStringAsync("/admin/users", Cancel);
            using var locked = await admin.PostAsync("/admin/users?handler=Lock",
                new FormUrlEncodedContent([new(Forms.TokenField, Forms.Token(users)), new("UserId", userId)]), Cancel);
            Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(second));
    }

    private async Task<string> CreateUserAsync(string name, string role) => await app.WithServicesAsync(async services =>
    {
        await ConfiguredUserProvisioner.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser(name);
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    });

    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await Forms.PostSignInAsync(client, userName, Password, "/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(h => h.Split(';')[0])
            .Where(c => c.StartsWith("careflow.session", StringComparison.Ordinal)));
        Assert.NotEmpty(cookie);
        return (client, cookie);
    }

    private async Task<HttpStatusCode> ReplayAsync(string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        using var response = await client.GetAsync("/api/cases", Cancel);
        return response.StatusCode;
    }
}
