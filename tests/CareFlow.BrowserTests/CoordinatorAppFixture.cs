using System.Net;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareFlow.BrowserTests;

/// <summary>
/// CareFlow for the coordinator journey: embedded defaults (SQLite, in-memory Hangfire, the .eml outbox folder) in
/// a temp data folder, the repository's real workflows provisioned, one coordinator and one API key (to import the
/// directory), on a real Kestrel listener driven by Debian's Chromium.
/// </summary>
public sealed class CoordinatorAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string CoordinatorUser = "casey";
    public const string Password = "journey-test-password";
    public const string ApiKey = "journey-test-api-key";

    private IPlaywright? _playwright;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("careflow-journey-").FullName;

    /// <summary>Where the embedded email sender writes each message as an .eml file.</summary>
    public string OutboxDirectory => Path.Combine(DataDirectory, "outbox");

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string ScreenshotDirectory { get; } = Path.Combine(BrowserTestEnvironment.ArtifactsDirectory(), "screenshots");

    public async ValueTask InitializeAsync()
    {
        BrowserTestEnvironment.RequireChromium();
        Directory.CreateDirectory(ScreenshotDirectory);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserTestEnvironment.LaunchChromiumAsync(_playwright);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var workflows = Path.Combine(BrowserTestEnvironment.RepositoryRoot()
            ?? throw new InvalidOperationException("CareFlow.sln not found above the test binaries: cannot find workflows/."), "workflows");
        builder.UseSetting("CareFlow:DataDirectory", DataDirectory);
        builder.UseSetting("CareFlow:WorkflowsDirectory", workflows);
        builder.UseSetting("CareFlow:Users:0:UserName", CoordinatorUser);
        builder.UseSetting("CareFlow:Users:0:PasswordHash", PasswordHashing.Hash(Password));
        builder.UseSetting("CareFlow:Users:0:Roles:0", CareFlowRoles.Coordinator);
        builder.UseSetting("CareFlow:ApiKeys:0", ApiKey);
    }

    public HttpClient CreateApiClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", ApiKey);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        try
        {
            if (Environment.GetEnvironmentVariable("CAREFLOW_TEST_KEEP_DATA") is null) Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the host; the temp folder is cleaned by the OS.
        }
    }
}
