namespace CareFlow.BrowserTests;

[Collection("studio")]
public sealed class ExploreTests(StudioAppFixture app)
{
    [Fact]
    public async Task Explore()
    {
        await using var session = await StudioSession.SignInAsync(app, StudioAppFixture.DesignerUser, "explore");
        var failures = new List<string>();
        session.Page.Response += (_, r) => { if (r.Status >= 400) failures.Add($"{r.Status} {r.Request.Method} {r.Url}"); };
        var page = session.Page;
        await page.GotoAsync("/designer/explore-one");
        await page.Locator(".mud-expand-panel-text", new() { HasText = "Primitives" }).ClickAsync();
        var item = page.Locator("div[draggable=true]", new() { HasText = "Write Line" });
        await item.WaitForAsync();
        await item.DragToAsync(page.Locator(".x6-graph").First, new() { TargetPosition = new() { X = 600, Y = 200 } });
        await page.WaitForTimeoutAsync(3000);
        await session.ScreenshotAsync("dragged");
        await File.WriteAllTextAsync(Path.Combine(app.ScreenshotDirectory, "editor.html"), await page.ContentAsync(), TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(app.ScreenshotDirectory, "console.txt"), session.ConsoleErrors.Concat(session.ExternalRequests).Concat(failures), TestContext.Current.CancellationToken);
    }
}
