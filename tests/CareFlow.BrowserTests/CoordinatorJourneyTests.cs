using System.Text.RegularExpressions;
using MimeKit;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareFlow.BrowserTests;

/// <summary>
/// The coordinator's day in real Chromium against the real workflows: sign in, intake, consent, screening, the
/// client routed to referral, a referral from the directory, the provider's answer through the emailed link, and
/// that answer on the case timeline. Every page visited is saved as journey-NN-name.png.
/// </summary>
[Collection("coordinator")]
public sealed partial class CoordinatorJourneyTests(CoordinatorAppFixture app)
{
    private const string HarborService = "svc-journey-harbor-rehousing";
    private const string HarborEmail = "referrals@harbor-journey.example";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private int _shot;

    [Fact]
    public async Task Journey_ProviderAcceptance_AppearsOnTheCaseTimeline()
    {
        await ImportDirectoryAsync();
        await using var coordinator = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var page = await coordinator.NewPageAsync();
        try
        {
            await RunJourneyAsync(page);
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDirectory, "journey-failure.png"), FullPage = true });
            throw;
        }
    }

    private async Task RunJourneyAsync(IPage page)
    {

        // Anonymous → sign-in (fields found by label so the Identity page works too).
        await page.GotoAsync("/");
        // Expect(...).ToHaveURLAsync retries until the URL matches; WaitForURLAsync also waits for a load event that a
        // redirect after a form post can fire before the waiter attaches (seen once in CI as a 30 s timeout).
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"), UrlWait);
        await page.GetByLabel("User name").FillAsync(CoordinatorAppFixture.CoordinatorUser);
        await page.GetByLabel("Password").FillAsync(CoordinatorAppFixture.Password);
        await ShotAsync(page, "sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My caseload" })).ToBeVisibleAsync();
        await ShotAsync(page, "dashboard-empty");

        // Intake → the case page shows where the intake workflow routed the client (waiting for the Part 2 consent).
        await page.GotoAsync("/clients/new");
        await page.GetByLabel("Given name").FillAsync("Rosa");
        await page.GetByLabel("Family name").FillAsync("Delgado");
        await page.GetByLabel("Date of birth").FillAsync("1979-03-08");
        await page.GetByLabel("Phone").FillAsync("555-310-7788");
        await ShotAsync(page, "intake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start intake" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cases/[0-9a-f-]{36}$"), UrlWait);
        var caseUrl = page.Url;
        var caseId = caseUrl[^36..];
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rosa Delgado" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Stage: Intake")).ToBeVisibleAsync();
        await Expect(page.GetByText("Record the client's Part 2 consent").First).ToBeVisibleAsync();
        await ShotAsync(page, "case-after-intake");

        // Consent naming the provider's organisation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Consents and disclosures" }).ClickAsync();
        await page.GetByLabel("Recipient organisation").SelectOptionAsync("org-journey-harbor");
        await page.GetByLabel("Purpose of the disclosure").FillAsync("Referral for housing");
        await page.GetByLabel("What information (scope)").FillAsync("name, date of birth, contact details, housing need");
        await page.GetByLabel("Expires on").FillAsync(DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Signed by").FillAsync("Rosa Delgado");
        await ShotAsync(page, "consent-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Harbor Journey Housing" })).ToBeVisibleAsync();
        await ShotAsync(page, "consent-recorded");

        // Screening (no screening page in this slice: the API, with this browser's session) → ready for referral.
        var screening = await page.Context.APIRequest.PostAsync($"/api/cases/{caseId}/screenings", new() { DataObject = Screening() });
        Assert.Equal(201, screening.Status);
        await ReloadUntilAsync(page, caseUrl, "Choose a service with the client");
        await Expect(page.GetByText("Stage: Referral")).ToBeVisibleAsync();
        await ShotAsync(page, "case-routed-to-referral");

        // Referral from the directory: cost, eligibility, freshness and consent are on the page.
        await page.GetByRole(AriaRole.Link, new() { Name = "New referral" }).ClickAsync();
        var harbor = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Harbor Journey Housing" });
        await Expect(harbor).ToContainTextAsync("Adults 18+ without stable housing");
        await Expect(harbor).ToContainTextAsync("No charge");
        await Expect(harbor).ToContainTextAsync("Verified: 2026-01-15");
        await Expect(harbor).ToContainTextAsync("Consent on file");
        await harbor.GetByRole(AriaRole.Radio).CheckAsync();
        await ShotAsync(page, "referral-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(caseUrl, UrlWait);
        await Expect(page.GetByText(new Regex("Referral R-[0-9A-Fa-f]+ to Rapid re-housing requested")).First).ToBeVisibleAsync();
        await ShotAsync(page, "case-referred");

        // The provider opens the link from the email the app wrote, in a browser with no session, and accepts.
        var link = await ProviderLinkAsync();
        await using var provider = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var providerPage = await provider.NewPageAsync();
        await providerPage.GotoAsync(link);
        await Expect(providerPage.GetByRole(AriaRole.Button, new() { Name = "Accept" })).ToBeVisibleAsync();
        await ShotAsync(providerPage, "provider-link");
        await providerPage.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await providerPage.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ShotAsync(providerPage, "provider-accepted");

        // Back as the coordinator: the answer is on the timeline.
        await ReloadUntilAsync(page, caseUrl, "accepted");
        await Expect(page.GetByRole(AriaRole.Cell).Filter(new() { HasTextRegex = new Regex("Referral R-[0-9A-Fa-f]+: accepted") }).First).ToBeVisibleAsync();
        await ShotAsync(page, "case-provider-answer");
        await page.GotoAsync("/");
        await ShotAsync(page, "dashboard-after");
    }

    private async Task ImportDirectoryAsync()
    {
        using var api = app.CreateApiClient();
        using var content = new StringContent(Hsds, System.Text.Encoding.UTF8, "application/json");
        using var response = await api.PostAsync(new Uri("/api/directory/import", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<string> ProviderLinkAsync()
    {
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until)
        {
            if (Directory.Exists(app.OutboxDirectory))
            {
                foreach (var file in Directory.GetFiles(app.OutboxDirectory, "*.eml"))
                {
                    using var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
                    if (!message.To.Mailboxes.Any(m => string.Equals(m.Address, HarborEmail, StringComparison.OrdinalIgnoreCase))) continue;
                    if (LinkPattern().Match(message.TextBody ?? "") is { Success: true } match) return match.Value;
                }
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        var found = Directory.Exists(app.OutboxDirectory) ? string.Join(", ", Directory.GetFiles(app.OutboxDirectory).Select(Path.GetFileName)) : "(no folder)";
        throw new TimeoutException($"No referral email to {HarborEmail} with a provider link in {app.OutboxDirectory} within {Deadline}; files: {found}.");
    }

    private static async Task ReloadUntilAsync(IPage page, string url, string text)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            await page.GotoAsync(url);
            if ((await page.ContentAsync()).Contains(System.Net.WebUtility.HtmlEncode(text), StringComparison.Ordinal)) return;
            if (DateTime.UtcNow > until) throw new TimeoutException($"'{text}' did not appear on {url} within {Deadline}.");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    private static readonly PageAssertionsToHaveURLOptions UrlWait = new() { Timeout = 30_000 };

    private async Task ShotAsync(IPage page, string name)
    {
        _shot++;
        var path = Path.Combine(app.ScreenshotDirectory, $"journey-{_shot:D2}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    [GeneratedRegex(@"/r/[A-Za-z0-9_\-\.]+")]
    private static partial Regex LinkPattern();

    /// <summary>Housing positive, no safety concern: the intake routes straight to referral.</summary>
    private static object Screening() => new
    {
        instrumentId = "ahc-hrsn-core",
        answers = new Dictionary<string, string[]>
        {
            ["living-situation"] = ["worried"], ["housing-problems"] = ["mold"], ["food-worry"] = ["never"], ["food-last"] = ["never"],
            ["transportation"] = ["no"], ["utilities"] = ["no"], ["safety-hurt"] = ["never"], ["safety-insult"] = ["never"],
            ["safety-threaten"] = ["never"], ["safety-scream"] = ["never"],
        },
    };

    private const string Hsds = """
    [
      { "id": "org-journey-harbor", "name": "Harbor Journey Housing",
        "services": [ { "id": "svc-journey-harbor-rehousing", "name": "Rapid re-housing", "status": "active", "category": "housing",
          "eligibility_description": "Adults 18+ without stable housing", "minimum_age": 18, "fees_description": "Free",
          "contacts": [ { "email": "referrals@harbor-journey.example" } ], "assured_date": "2026-01-15",
          "cost_options": [ { "id": "cost-journey-free", "option": "No charge", "amount": 0, "currency": "USD" } ] } ] }
    ]
    """;
}
