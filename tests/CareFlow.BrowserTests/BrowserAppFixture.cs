using Microsoft.Playwright;

namespace CareFlow.BrowserTests;

/// <summary>
/// CareFlow in-process on a real Kestrel listener (127.0.0.1, free port) with the embedded defaults in a temp data
/// folder (<see cref="CareFlowApp{TOptions}"/> with <see cref="CareFlowAppOptions.RealPort"/>), and Debian's Chromium
/// driven by Playwright. Chromium is never downloaded: a missing /usr/bin/chromium fails the tests with a clear
/// message. Subclasses configure users and workflows through <typeparamref name="TOptions"/>.
/// </summary>
public abstract class BrowserAppFixture<TOptions> : IAsyncLifetime
    where TOptions : CareFlowAppOptions, new()
{
    private IPlaywright? _playwright;

    /// <summary>The host.</summary>
    public CareFlowApp<TOptions> App { get; } = CareFlowApp.Create(WithRealPort(new TOptions()));

    public string DataDirectory => App.DataDirectory;

    public Uri BaseAddress => App.BaseAddress;

    public IBrowser Browser { get; private set; } = null!;

    public string ScreenshotDirectory { get; } = Path.Combine(BrowserTestEnvironment.ArtifactsDirectory(), "screenshots");

    public async ValueTask InitializeAsync()
    {
        BrowserTestEnvironment.RequireChromium();
        Directory.CreateDirectory(ScreenshotDirectory);
        await App.InitializeAsync();
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

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static TOptions WithRealPort(TOptions options)
    {
        options.RealPort = true;
        options.DataDirectoryPrefix = "careflow-browser";
        return options;
    }
}
