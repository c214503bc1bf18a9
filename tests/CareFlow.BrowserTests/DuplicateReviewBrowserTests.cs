using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CareFlow.BrowserTests;

/// <summary>
/// The supervisors' duplicate-review queue in real Chromium: the same person taken in on two coordinators' caseloads
/// (through the API), a supervisor follows the navigation's count to the queue, sees both records side by side, and
/// merges them with a reason, with no JavaScript of CareFlow's and axe-core finding no serious or critical violation
/// before or after.
/// </summary>
[Collection("accessibility")]
public sealed class DuplicateReviewBrowserTests(AccessibilityAppFixture app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Supervisor_MergesAPossibleDuplicate_FromTheQueue_WithNoSeriousAxeViolations()
    {
        var family = "Double" + new string(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + (c % 26))).ToArray());
        using (var api = app.ApiClient())
        {
            foreach (var coordinator in new[] { AccessibilityAppFixture.CoordinatorUser, AccessibilityAppFixture.SecondCoordinatorUser })
            {
                using var intake = await api.PostAsJsonAsync("/api/clients/intake", new
                {
                    givenName = "Quinn", familyName = family, dateOfBirth = "1977-11-12", phone = "555-909-1234", coordinatorId = coordinator,
                }, Cancel);
                Assert.True(intake.IsSuccessStatusCode, await intake.Content.ReadAsStringAsync(Cancel));
            }
        }

        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), BypassCSP = true, JavaScriptEnabled = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("input[name=userName]", AccessibilityAppFixture.SupervisorUser);
        await page.FillAsync("input[name=password]", AccessibilityAppFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        var link = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex(@"^Duplicate reviews \([1-9]\d*\)$") });
        await link.ClickAsync();
        await page.WaitForURLAsync("**/supervisor/duplicates");
        var review = page.Locator("section.duplicate-review").Filter(new LocatorFilterOptions { HasText = family });
        Assert.Equal(1, await review.CountAsync());
        Assert.Equal(2, await review.Locator("article.client-record").Filter(new LocatorFilterOptions { HasText = $"Quinn {family}" }).CountAsync());
        Assert.Contains(AccessibilityAppFixture.SecondCoordinatorUser, await review.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDirectory, "supervisor-duplicates-queue.png"), FullPage = true });
        var before = await AccessibilityTests.SeriousViolationsAsync(page, app.AxeSource);
        Assert.True(before.Count == 0, "axe on the queue:\n  " + string.Join("\n  ", before));

        // A merge without a reason is refused next to the field; with one it goes through.
        await review.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Merge records" }).ClickAsync();
        review = page.Locator("section.duplicate-review").Filter(new LocatorFilterOptions { HasText = family });
        Assert.Contains("Say why the records are merged.", await review.InnerTextAsync(), StringComparison.Ordinal);
        var refused = await AccessibilityTests.SeriousViolationsAsync(page, app.AxeSource);
        Assert.True(refused.Count == 0, "axe on the refused merge:\n  " + string.Join("\n  ", refused));
        await review.GetByLabel("Reason for the merge").FillAsync("Same person: same date of birth and phone");
        await review.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Merge records" }).ClickAsync();
        await page.WaitForURLAsync("**/supervisor/duplicates?done=merged");
        Assert.Contains("The records were merged", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("section.duplicate-review").Filter(new LocatorFilterOptions { HasText = family }).CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDirectory, "supervisor-duplicates-merged.png"), FullPage = true });
        var after = await AccessibilityTests.SeriousViolationsAsync(page, app.AxeSource);
        Assert.True(after.Count == 0, "axe after the merge:\n  " + string.Join("\n  ", after));

        using var check = app.ApiClient();
        var found = await check.GetFromJsonAsync<JsonArray>($"/api/clients?q={family}", Cancel);
        Assert.Single(found!);
        var cases = await check.GetFromJsonAsync<JsonArray>("/api/cases", Cancel);
        var clientId = (string)found![0]!["id"]!;
        Assert.Equal(2, cases!.Count(c => (string?)c!["clientId"] == clientId));
    }
}
