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
/// CareFlow in-process on a real Kestrel listener (127.0.0.1, free port) with the embedded defaults in a temp
/// data folder, two configured users (a designer and a read-only coordinator), and Debian's Chromium driven by
/// Playwright. Chromium is never downloaded: a missing /usr/bin/chromium fails the tests with a clear message.
/// </summary>
public sealed class StudioAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DesignerUser = "dana";
    public const string ReaderUser = "rita";
    public const string Password = "browser-test-password";
    public const string ApiKey = "browser-test-api-key";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("careflow-browser-").FullName;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string ScreenshotDirectory { get; } = Path.Combine(RepositoryPaths.Artifacts(), "screenshots");

    public async ValueTask InitializeAsync()
    {
        BrowserRig.RequireChromium();
        Directory.CreateDirectory(ScreenshotDirectory);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());

        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserRig.LaunchAsync(_playwright);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var hash = PasswordHashing.Hash(Password);
        builder.UseSetting("CareFlow:DataDirectory", _dataDirectory);
        builder.UseSetting("CareFlow:WorkflowsDirectory", Path.Combine(_dataDirectory, "no-workflows"));
        builder.UseSetting("CareFlow:Users:0:UserName", DesignerUser);
        builder.UseSetting("CareFlow:Users:0:PasswordHash", hash);
        builder.UseSetting("CareFlow:Users:0:Roles:0", CareFlowRoles.Designer);
        builder.UseSetting("CareFlow:Users:1:UserName", ReaderUser);
        builder.UseSetting("CareFlow:Users:1:PasswordHash", hash);
        builder.UseSetting("CareFlow:Users:1:Roles:0", CareFlowRoles.Coordinator);
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
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the host; the temp folder is cleaned by the OS.
        }
    }
}
