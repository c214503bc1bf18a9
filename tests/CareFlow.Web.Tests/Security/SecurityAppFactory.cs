using System.Net.Http.Headers;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareFlow.Web.Tests.Security;

/// <summary>
/// The embedded default (SQLite) with a fake clock, an API key and configured users: ada (admin), cora and ben
/// (coordinators), dana (designer), sam (supervisor). Session: idle 30 min, absolute 8 h, revalidation every minute.
/// </summary>
public sealed class SecurityAppFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "security-tests-key";
    public const string Password = "security-tests-password";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "careflow-security-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The real Identity hasher, counting verifications.</summary>
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var hash = PasswordHashing.Hash(Password);
        builder.UseSetting("CareFlow:DataDirectory", DataDirectory);
        builder.UseSetting("CareFlow:ApiKeys:0", ApiKey);
        builder.UseSetting("CareFlow:DemoData", "false");
        var users = new (string Name, string Role)[]
        {
            ("ada", CareFlowRoles.Admin), ("cora", CareFlowRoles.Coordinator), ("ben", CareFlowRoles.Coordinator),
            ("dana", CareFlowRoles.Designer), ("sam", CareFlowRoles.Supervisor),
        };
        for (var i = 0; i < users.Length; i++)
        {
            builder.UseSetting($"CareFlow:Users:{i}:UserName", users[i].Name);
            builder.UseSetting($"CareFlow:Users:{i}:PasswordHash", hash);
            builder.UseSetting($"CareFlow:Users:{i}:Roles:0", users[i].Role);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IPasswordHasher<IdentityUser>>(Hasher);
        });
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public HttpClient ApiKeyClient()
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        return client;
    }

    /// <summary>A client holding <paramref name="userName"/>'s session cookie, signed in through the real form.</summary>
    public async Task<HttpClient> SignInAsync(string userName, CancellationToken cancellationToken, string password = Password)
    {
        var client = Anonymous();
        using var response = await Forms.PostSignInAsync(client, userName, password, "/", cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {userName} answered {response.StatusCode}.");
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
}
