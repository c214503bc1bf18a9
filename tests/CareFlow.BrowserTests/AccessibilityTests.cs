using System.Text.Json;
using Microsoft.Playwright;

namespace CareFlow.BrowserTests;

/// <summary>
/// axe-core (npm, pinned) in each main page in real Chromium: any violation of impact serious or critical fails the
/// page, listed with its rule, help text and the elements involved. Each page is also screenshotted as
/// <c>$CAREFLOW_TEST_ARTIFACTS/screenshots/page-&lt;name&gt;.png</c>.
/// </summary>
[Collection("accessibility")]
public sealed class AccessibilityTests(AccessibilityAppFixture app)
{
    private const string RunAxe = """
        async () => {
            const result = await axe.run(document, { resultTypes: ["violations"] });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary)
            }));
        }
        """;

    [Theory]
    [MemberData(nameof(AccessibilityPages.Names), MemberType = typeof(AccessibilityPages))]
    public async Task Page_HasNoSeriousOrCriticalViolations(string name)
    {
        var (_, template, user) = AccessibilityPages.All.Single(p => p.Name == name);
        var path = template.Replace("{caseId}", app.CaseId.ToString(), StringComparison.Ordinal).Replace("{instanceId}", app.InstanceId, StringComparison.Ordinal);
        // The CSP will allow only 'self'; axe is injected as an inline script tag, so this test context bypasses it.
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), BypassCSP = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        if (user is not null) await SignInAsync(page, user);

        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response.Status == 200, $"{path} answered {response.Status}.");
        Assert.DoesNotContain("/account/sign-in", user is null ? "" : page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDirectory, $"page-{name}.png"), FullPage = true });

        var serious = await SeriousViolationsAsync(page, app.AxeSource);
        Assert.True(serious.Count == 0, $"axe found {serious.Count} serious or critical violation(s) on {path}:\n  {string.Join("\n  ", serious)}");
    }

    /// <summary>Runs axe-core in <paramref name="page"/>: each serious or critical violation, with its rule, help and elements.</summary>
    internal static async Task<List<string>> SeriousViolationsAsync(IPage page, string axeSource)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = axeSource });
        var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
        return violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()}\n      "
                + string.Join("\n      ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))
            .ToList();
    }

    /// <summary>The check can fail: a page with an unlabeled image and an unlabeled input is reported.</summary>
    [Fact]
    public async Task Axe_ReportsKnownViolations_OnABrokenPage()
    {
        await using var context = await app.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><head><title>broken</title></head><body><main><img src=\"data:,\"><input type=\"text\"></main></body></html>");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = app.AxeSource });
        Assert.Equal("4.14.1", await page.EvaluateAsync<string>("() => axe.version"));
        var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
        var ids = violations.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").Select(v => v.GetProperty("id").GetString()).ToList();
        Assert.Contains("image-alt", ids);
        Assert.Contains("label", ids);
    }

    [Fact]
    public void PageList_CoversThePagesThisBranchOwns()
    {
        var paths = AccessibilityPages.All.Select(p => p.Path).ToHashSet();
        Assert.Superset(new HashSet<string> { "/account/sign-in", "/cases/{caseId}/rights", "/tasks", "/directory", "/reports/barriers", "/instances", "/instances/{instanceId}" }, paths);
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", AccessibilityAppFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }
}
