using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareFlow.BrowserTests;

/// <summary>
/// CareFlow in-process on a real Kestrel listener (127.0.0.1, free port) with the embedded defaults in a temp
/// data folder, and Debian's Chromium driven by Playwright. Chromium is never downloaded: a missing
/// /usr/bin/chromium fails the tests with a clear message. Subclasses configure users and workflows.
/// </summary>
public abstract class BrowserAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("careflow-browser-").FullName;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string ScreenshotDirectory { get; } = Path.Combine(BrowserTestEnvironment.ArtifactsDirectory(), "screenshots");

    public async ValueTask InitializeAsync()
    {
        BrowserTestEnvironment.RequireChromium();
        Directory.CreateDirectory(ScreenshotDirectory);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());

        await OnServerStartedAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserTestEnvironment.LaunchChromiumAsync(_playwright);
    }

    /// <summary>Runs once the host listens and before the browser starts: seed data here.</summary>
    protected virtual Task OnServerStartedAsync() => Task.CompletedTask;

    /// <summary>An HTTP client on the listener, authenticated with <paramref name="apiKey"/>.</summary>
    protected HttpClient CreateApiClient(string apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", apiKey);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            if (Environment.GetEnvironmentVariable("CAREFLOW_TEST_KEEP_DATA") is null)
                Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the host; the temp folder is cleaned by the OS.
        }
    }
}
