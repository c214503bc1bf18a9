using Microsoft.Playwright;

namespace CareFlow.BrowserTests;

/// <summary>One signed-in browser session (its own context, so its own cookies) with helpers for Studio.</summary>
public sealed class StudioSession(StudioAppFixture app, IBrowserContext context, IPage page, string name) : IAsyncDisposable
{
    private readonly List<string> _externalRequests = [];
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _apiCalls = [];
    private int _shot;

    public IPage Page => page;

    /// <summary>Requests that left CareFlow's origin (there must be none: the designer works on a closed network).</summary>
    public IReadOnlyList<string> ExternalRequests => _externalRequests;

    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    /// <summary>Every call Studio made to /elsa/api with its status, for failure messages.</summary>
    public IReadOnlyList<string> ApiCalls => _apiCalls;

    public static async Task<StudioSession> SignInAsync(StudioAppFixture app, string userName, string name)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var session = new StudioSession(app, context, page, name);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
                session._externalRequests.Add(request.Url);
        };
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/elsa/api/", StringComparison.Ordinal) && response.Request.Method != "GET")
                session._apiCalls.Add($"{response.Request.Method} {response.Url} -> {response.Status}");
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                session._consoleErrors.Add(message.Text);
        };
        await page.GotoAsync("/designer");
        await page.WaitForURLAsync("**/account/sign-in**");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", StudioAppFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/designer");
        return session;
    }

    public async Task ScreenshotAsync(string step)
    {
        _shot++;
        var file = Path.Combine(app.ScreenshotDirectory, $"{name}-{_shot:00}-{step}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
