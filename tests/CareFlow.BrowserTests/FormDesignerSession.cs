using Microsoft.Playwright;

namespace CareFlow.BrowserTests;

/// <summary>
/// One signed-in browser session on the form designer (its own context and cookies), recording every request that
/// leaves CareFlow's origin and every console error (a Content-Security-Policy refusal is one), with helpers that drive
/// the real form-js editor the way a person does: drag from the palette, type in the properties panel, press buttons.
/// </summary>
public sealed class FormDesignerSession(FormDesignerAppFixture app, IBrowserContext context, IPage page, string name) : IAsyncDisposable
{
    private readonly List<string> _externalRequests = [];
    private readonly List<string> _consoleErrors = [];
    private int _shot;

    public IPage Page => page;

    /// <summary>Requests that left CareFlow's origin (there must be none).</summary>
    public IReadOnlyList<string> ExternalRequests => _externalRequests;

    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    public ILocator Status => page.Locator("#fd-status");

    public ILocator Problems => page.Locator("#fd-problems[role=alert]");

    public ILocator SaveButton => page.Locator("#fd-save");

    public ILocator PublishButton => page.Locator("#fd-publish");

    /// <summary>form-js's bpmn.io watermark (its licence requires it to stay visible).</summary>
    public ILocator Watermark => page.Locator("a.fjs-powered-by-link[href='https://bpmn.io']");

    public ILocator CanvasFields => page.Locator(".fjs-editor-container .fjs-form .fjs-element[data-id]:not([data-field-type=default])");

    /// <summary>Signs <paramref name="userName"/> in through the real form, arriving at <paramref name="path"/>.</summary>
    public static async Task<FormDesignerSession> SignInAsync(FormDesignerAppFixture app, string userName, string name, string path = "/designer/forms", bool bypassCsp = false)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            BypassCSP = bypassCsp,
        });
        // Each Content-Security-Policy refusal is also reported with where it came from (file, line, the start of the text).
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e => console.error(
              `CSP ${e.effectiveDirective} refused ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} sample "${e.sample}"`));
            """);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var session = new FormDesignerSession(app, context, page, name);
        var origin = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
                session._externalRequests.Add(request.Url);
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
                session._consoleErrors.Add($"{response.Status} {response.Request.Method} {response.Url}");
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                session._consoleErrors.Add(message.Text);
        };
        await page.GotoAsync(path);
        await page.WaitForURLAsync("**/account/sign-in**");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", FormDesignerAppFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync();
        session._consoleErrors.RemoveAll(e => e.Contains("status of 404", StringComparison.Ordinal)); // the sign-in page's favicon.ico
        return session;
    }

    /// <summary>Opens the editor for a form (or "new") and waits until the editor has loaded it.</summary>
    public async Task OpenAsync(string formId)
    {
        await page.GotoAsync("/designer/forms/" + Uri.EscapeDataString(formId));
        await WaitForEditorAsync();
    }

    public async Task WaitForEditorAsync()
    {
        await page.Locator(".fjs-palette-field[data-field-type=textfield]").WaitForAsync();
        await Assertions.Expect(Status).Not.ToHaveTextAsync("Loading the editor…");
    }

    /// <summary>Drags a palette entry onto the form (below what is there), with the mouse as a person does.</summary>
    public async Task DragFromPaletteAsync(string fieldType)
    {
        var before = await CanvasFields.CountAsync();
        var source = page.Locator($".fjs-palette-field[data-field-type='{fieldType}']");
        await source.ScrollIntoViewIfNeededAsync();
        var from = (await source.BoundingBoxAsync())!;
        var target = page.Locator(".fjs-editor-container .fjs-form-container .fjs-drop-container-vertical").First;
        var to = (await target.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + from.Width / 2 + 20, from.Y + from.Height / 2 + 5, new() { Steps = 5 });
        var dropY = to.Y + to.Height - 20;
        await page.Mouse.MoveAsync(to.X + to.Width / 2, dropY, new() { Steps = 20 });
        await page.Mouse.MoveAsync(to.X + to.Width / 2 + 5, dropY + 2, new() { Steps = 3 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(CanvasFields).ToHaveCountAsync(before + 1);
    }

    /// <summary>Selects the n-th field on the form (so the properties panel shows it); a click on a selected field unselects it.</summary>
    public async Task SelectFieldAsync(int index)
    {
        var field = CanvasFields.Nth(index);
        if (!await field.EvaluateAsync<bool>("f => f.classList.contains('fjs-editor-selected')"))
            await field.ClickAsync(new() { Position = new() { X = 10, Y = 10 } });
        await Assertions.Expect(field).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bfjs-editor-selected\\b"));
        var id = await field.GetAttributeAsync("data-id");
        await Assertions.Expect(page.Locator($".fjs-properties-container .fjs-properties-panel[data-field='{id}']")).ToBeVisibleAsync();
    }

    /// <summary>An entry of the properties panel by its label ("Field label", "Key", …): an input, textarea or editor.</summary>
    public ILocator Property(string label) =>
        page.Locator(".fjs-properties-container").GetByLabel(label, new() { Exact = true });

    /// <summary>Types a value into a properties panel entry and leaves it, as a person does.</summary>
    public async Task SetPropertyAsync(string label, string value)
    {
        var input = Property(label);
        await input.ClickAsync();
        await input.PressAsync("Control+A");
        await input.PressAsync("Delete");
        await input.PressSequentiallyAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>Opens a collapsed group of the properties panel ("Validation", …).</summary>
    public async Task OpenGroupAsync(string title)
    {
        var header = page.Locator($".fjs-properties-container .bio-properties-panel-group-header:has(.bio-properties-panel-group-header-title:text-is('{title}'))");
        if (!await header.EvaluateAsync<bool>("h => h.classList.contains('open')"))
            await header.ClickAsync();
    }

    public async Task ScreenshotAsync(string step)
    {
        _shot++;
        var file = Path.Combine(app.ScreenshotDirectory, $"form-designer-{name}-{_shot:00}-{step}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
