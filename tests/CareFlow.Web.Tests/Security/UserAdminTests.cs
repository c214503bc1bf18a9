using System.Net;
using CareFlow.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Web.Tests.Security;

public sealed class UserAdminTests(CareFlowApp<SecurityApp> app) : IClassFixture<CareFlowApp<SecurityApp>>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, params (string, string)[] fields)
    {
        var page = await client.GetStringAsync("/admin/users", Cancel);
        var form = new List<KeyValuePair<string, string>> { new(Forms.TokenField, Forms.Token(page)) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        return await client.PostAsync($"/admin/users?handler={handler}", new FormUrlEncodedContent(form), Cancel);
    }

    private Task<string> IdOf(string userName) => app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Cancel));

    [Fact]
    public async Task Admin_CreatesAUser_ChangesRoles_ResetsThePassword_AndEveryStepIsAudited()
    {
        using var ada = await app.SignInAsync("ada", Cancel);

        using var weak = await PostAsync(ada, "Create", ("Create.UserName", "nina"), ("Create.Password", "short"), ("Create.Roles", "coordinator"));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "nina", Cancel)));

        using var badRole = await PostAsync(ada, "Create", ("Create.UserName", "nina"), ("Create.Password", "nina-initial-password"), ("Create.Roles", "root"));
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("Unknown role", await badRole.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var created = await PostAsync(ada, "Create", ("Create.UserName", "nina"), ("Create.Email", "nina@careflow.example"),
            ("Create.Password", "nina-initial-password"), ("Create.Roles", "coordinator"));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync(Cancel));
        using var nina = await app.SignInAsync("nina", Cancel, "nina-initial-password");
        using var instancesAsCoordinator = await nina.GetAsync("/elsa/api/workflow-instances", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, instancesAsCoordinator.StatusCode);

        using var roles = await PostAsync(ada, "Roles", ("UserId", await IdOf("nina")), ("Roles", "supervisor"));
        Assert.Equal(HttpStatusCode.Redirect, roles.StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var afterRoleChange = await nina.GetAsync("/api/cases", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRoleChange.StatusCode); // the role change ended the session
        using var asSupervisor = await app.SignInAsync("nina", Cancel, "nina-initial-password");
        using var instances = await asSupervisor.GetAsync("/elsa/api/workflow-instances", Cancel);
        Assert.Equal(HttpStatusCode.OK, instances.StatusCode);

        using var reset = await PostAsync(ada, "ResetPassword", ("UserId", await IdOf("nina")), ("NewPassword", "nina-second-password"));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync("nina", Cancel, "nina-initial-password"));
        using var withNew = await app.SignInAsync("nina", Cancel, "nina-second-password");

        using var selfLock = await PostAsync(ada, "Lock", ("UserId", await IdOf("ada")));
        Assert.Equal(HttpStatusCode.BadRequest, selfLock.StatusCode);
        using var unknownUser = await PostAsync(ada, "Unlock", ("UserId", "no-such-user"));
        Assert.Equal(HttpStatusCode.NotFound, unknownUser.StatusCode);

        var rows = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.UserAdmin && e.TargetId == "nina").ToListAsync(Cancel));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("ada", r.Actor));
        Assert.Contains(rows, r => r.Route.Contains("create", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Route.Contains("roles", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Route.Contains("reset-password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NonAdmins_CannotOpenOrPostTheUsersPage()
    {
        using var sam = await app.SignInAsync("sam", Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/users");
        request.Headers.Accept.ParseAdd("text/html");
        using var get = await sam.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
    }
}
