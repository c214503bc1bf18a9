using Microsoft.Playwright;

namespace CareFlow.BrowserTests;

/// <summary>
/// A validation summary with nothing to report renders nothing visible: under the app's Content-Security-Policy the
/// inline <c>style="display:none"</c> ASP.NET puts on its placeholder item is blocked, which used to leave an empty
/// red bullet on every page with a form. The check runs with the real CSP (no bypass). A summary with an error still shows.
/// </summary>
[Collection("accessibility")]
public sealed class ValidationSummaryTests(AccessibilityAppFixture app)
{
    /// <summary>
    /// Pages whose forms carry an <c>asp-validation-summary="All"</c>, with the user who opens them (the barrier report's
    /// <c>ModelOnly</c> summary renders no markup at all while it has nothing to say).
    /// </summary>
    public static TheoryData<string, string> PagesWithSummaries => new()
    {
        { "/clients/new", AccessibilityAppFixture.CoordinatorUser },
        { "/directory", AccessibilityAppFixture.CoordinatorUser },
        { "/directory/import", AccessibilityAppFixture.SupervisorUser },
        { "/cases/{caseId}/consents", AccessibilityAppFixture.CoordinatorUser },
        { "/cases/{caseId}/referrals/new", AccessibilityAppFixture.CoordinatorUser },
        { "/instances/{instanceId}", AccessibilityAppFixture.CoordinatorUser },
    };

    [Theory]
    [MemberData(nameof(PagesWithSummaries))]
    public async Task EmptySummary_ShowsNoAlertAndNoBullet(string template, string user)
    {
        await using var context = await NewContextAsync();
        var page = await OpenAsync(context, user, template);

        var summaries = page.Locator("[data-valmsg-summary]");
        var count = await summaries.CountAsync();
        Assert.True(count > 0, $"{template} has no validation summary to check.");
        for (var i = 0; i < count; i++)
        {
            var summary = summaries.Nth(i);
            Assert.False(await summary.IsVisibleAsync(), $"{template}: an empty validation summary is visible.");
            Assert.Equal(0, await summary.Locator("li:visible").CountAsync());
        }
        var alerts = page.Locator("[role=alert]:visible");
        for (var i = 0; i < await alerts.CountAsync(); i++)
            Assert.False(string.IsNullOrWhiteSpace(await alerts.Nth(i).InnerTextAsync()), $"{template}: an empty alert is visible.");
    }

    [Fact]
    public async Task SummaryWithErrors_StillShows()
    {
        await using var context = await NewContextAsync();
        var page = await OpenAsync(context, AccessibilityAppFixture.CoordinatorUser, "/clients/new");

        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        var summary = page.Locator("[data-valmsg-summary]");
        Assert.True(await summary.IsVisibleAsync(), "A validation summary with errors is hidden.");
        Assert.True(await summary.Locator("li:visible").CountAsync() > 0, "The summary lists no visible error.");
    }

    private Task<IBrowserContext> NewContextAsync() =>
        app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });

    private async Task<IPage> OpenAsync(IBrowserContext context, string user, string template)
    {
        var path = template.Replace("{caseId}", app.CaseId.ToString(), StringComparison.Ordinal).Replace("{instanceId}", app.InstanceId, StringComparison.Ordinal);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", AccessibilityAppFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response?.Status == 200, $"{path} answered {response?.Status}.");
        return page;
    }
}
