using Microsoft.Playwright;

namespace CareFlow.BrowserTests;

/// <summary>The parts of Studio's editor the tests touch: toolbox, X6 canvas nodes and ports, toolbar buttons.</summary>
public sealed class StudioEditor(IPage page)
{
    public IPage Page => page;

    public async Task OpenAsync(string definitionId)
    {
        await page.GotoAsync("/designer/" + Uri.EscapeDataString(definitionId));
        await Node("Elsa.Start").WaitForAsync();
        await page.Locator(".mud-expand-panel-text").First.WaitForAsync();
    }

    public ILocator ToolboxCategory(string category) => page.Locator(".mud-expand-panel-text",
        new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*" + System.Text.RegularExpressions.Regex.Escape(category) + "\\s*$") });

    public ILocator ToolboxItem(string displayName) =>
        page.Locator("div[draggable=true]", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*" + System.Text.RegularExpressions.Regex.Escape(displayName) + "\\s*$") });

    /// <summary>The canvas node of the (first) activity of a type.</summary>
    public ILocator Node(string type) => page.Locator($"g.x6-node:has(elsa-activity-wrapper[activity-json*='\"type\":\"{type}\"'])").First;

    public async Task DragToCanvasAsync(string category, string displayName, float x, float y)
    {
        var item = ToolboxItem(displayName);
        if (!await item.IsVisibleAsync())
            await ToolboxCategory(category).ClickAsync();
        await item.WaitForAsync();
        await item.DragToAsync(page.Locator(".x6-graph").First, new() { TargetPosition = new() { X = x, Y = y } });
    }

    /// <summary>Drags a connection from a source port to the target's inbound port, as a person does with the mouse.</summary>
    public async Task ConnectAsync(string sourceType, string sourcePort, string targetType)
    {
        var from = await Node(sourceType).Locator($"g.x6-port-body[port='{sourcePort}'] circle.elsa-designer-port-hit-area").BoundingBoxAsync()
            ?? throw new InvalidOperationException($"{sourceType} has no visible port {sourcePort}.");
        var to = await Node(targetType).Locator("g.x6-port-body[port='In'] circle.elsa-designer-port-hit-area").BoundingBoxAsync()
            ?? throw new InvalidOperationException($"{targetType} has no visible In port.");
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 15 });
        await page.Mouse.UpAsync();
    }

    public ILocator Edges => page.Locator("g.x6-edge");

    // Studio's toolbar buttons carry no labels, only tooltips: Publish is the one primary-coloured icon button,
    // Run the one success-coloured one.
    public ILocator PublishButton => page.Locator("button.mud-icon-button.mud-primary-text").First;

    public ILocator RunButton => page.Locator("button.mud-icon-button.mud-success-text").First;

    public ILocator Snackbar(string text) => page.Locator(".mud-snackbar", new() { HasTextString = text });

    /// <summary>Runs <paramref name="action"/> and waits for the save (or publish) POST it causes.</summary>
    public Task<IResponse> WaitForSaveAsync(Func<Task> action) =>
        page.RunAndWaitForResponseAsync(action, r =>
            r.Request.Method == "POST" && r.Url.EndsWith("/elsa/api/workflow-definitions", StringComparison.Ordinal),
            new() { Timeout = 30_000 });
}
