using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareFlow.BrowserTests;

/// <summary>
/// A client's whole journey in real Chromium, done by people in the browser only (no API call): a supervisor imports
/// the directory; the coordinator runs the intake, records the Part 2 consent and the AHC HRSN screening on their task
/// forms, writes a stabilization plan with two goals, holds a check-in (held, then stable a week later), chooses the
/// service; the provider accepts and completes from the link in the email; the coordinator notes how they helped,
/// records the day-7, day-30 and day-90 follow-up outcomes and closes the case. The weeks in between pass on the app's
/// clock (<see cref="CareJourneyAppFixture.TimePassesAsync"/>). Every page visited is saved as care-journey-NN-name.png
/// and checked with axe-core.
/// </summary>
[Collection("care-journey")]
public sealed partial class CareJourneyTests(CareJourneyAppFixture app)
{
    private const string HarborEmail = "referrals@harbor-journey.example";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly PageAssertionsToHaveURLOptions UrlWait = new() { Timeout = 30_000 };

    private int _shot;
    private string _axe = "";

    [Fact]
    public async Task Coordinator_TakesAClientFromIntakeToAClosedCase_InTheBrowserAlone()
    {
        _axe = await File.ReadAllTextAsync(RepositoryRoot.Combine("tests", "CareFlow.BrowserTests", "axe", "node_modules", "axe-core", "axe.min.js"), TestContext.Current.CancellationToken);
        // axe is injected as an inline script, so this context bypasses the CSP (the app itself sends no inline script).
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), BypassCSP = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        try
        {
            await RunJourneyAsync(page);
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDirectory, "care-journey-failure.png"), FullPage = true });
            throw;
        }
    }

    private async Task RunJourneyAsync(IPage page)
    {
        // The supervisor loads the directory from an HSDS file, then signs out.
        await SignInAsync(page, CareJourneyAppFixture.SupervisorUser);
        await page.GotoAsync("/directory/import");
        var hsds = Path.Combine(app.DataDirectory, "journey-directory.json");
        await File.WriteAllTextAsync(hsds, Hsds, TestContext.Current.CancellationToken);
        await page.GetByLabel("HSDS JSON file").SetInputFilesAsync(hsds);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 1 organizations");
        await ShotAsync(page, "directory-imported");
        await SignOutAsync(page);

        // Intake.
        await SignInAsync(page, CareJourneyAppFixture.CoordinatorUser);
        await page.GotoAsync("/clients/new");
        await page.GetByLabel("Given name").FillAsync("Rosa");
        await page.GetByLabel("Family name").FillAsync("Delgado");
        await page.GetByLabel("Date of birth").FillAsync("1979-03-08");
        await page.GetByLabel("Phone").FillAsync("555-310-7788");
        await ShotAsync(page, "intake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start intake" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cases/[0-9a-f-]{36}$"), UrlWait);
        var caseUrl = new Uri(page.Url).AbsolutePath;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rosa Delgado" })).ToBeVisibleAsync();
        await ShotAsync(page, "case-after-intake");

        // Consent on its task form, naming the provider.
        await OpenTaskAsync(page, caseUrl, "Record the client's Part 2 consent");
        await page.GetByLabel("Who may disclose").FillAsync("CareFlow Journey Program");
        await page.GetByLabel("What information may be disclosed").FillAsync("Name, contact details, housing need");
        await page.GetByLabel("Recipient (organisation or person)").FillAsync("Harbor Journey Housing");
        await page.GetByLabel("Recipient's email").FillAsync(HarborEmail);
        await page.GetByLabel("Purpose of the disclosure").FillAsync("Housing referral");
        await page.GetByLabel("Expires on").FillAsync(app.App.Clock.GetUtcNow().AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Signed by").FillAsync("Rosa Delgado");
        await SubmitTaskAsync(page, "consent-form", caseUrl);

        // Screening: a first try without the safety questions is refused next to the fields, then completed.
        await OpenTaskAsync(page, caseUrl, "Screen the client (AHC HRSN core)");
        await Choose(page, "living-situation", "worried");
        await Choose(page, "housing-problems", "mold");
        await Choose(page, "food-worry", "never");
        await Choose(page, "food-last", "never");
        await Choose(page, "transportation", "no");
        await Choose(page, "utilities", "no");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and complete the task" }).ClickAsync();
        await Expect(page.Locator("[aria-invalid=true]").First).ToBeVisibleAsync();
        await ShotAsync(page, "screening-refused");
        foreach (var question in new[] { "safety-hurt", "safety-insult", "safety-threaten", "safety-scream" }) await Choose(page, question, "sometimes");
        await SubmitTaskAsync(page, "screening-form", caseUrl);

        // Safety is a need: stabilization first. The plan, with two goals.
        await OpenTaskAsync(page, caseUrl, "Write the stabilization plan with the client");
        await page.GetByLabel("What the client wants to work on").FillAsync("A safe place to sleep and to keep my job.");
        var goal1 = page.GetByRole(AriaRole.Group, new() { Name = "Goal 1" });
        await goal1.GetByLabel("Goal").FillAsync("Stay with my sister until a room is found");
        await goal1.GetByLabel("Target date").FillAsync(Day(21));
        var goal2 = page.GetByRole(AriaRole.Group, new() { Name = "Goal 2" });
        await goal2.GetByLabel("Goal").FillAsync("Make a safety plan with the advocate");
        await goal2.GetByLabel("Target date").FillAsync(Day(7));
        await SubmitTaskAsync(page, "plan-form", caseUrl);

        // A week on: the check-in is held, the client not yet stable; another week: stable.
        await app.TimePassesAsync(TimeSpan.FromDays(7));
        await SignInAsync(page, CareJourneyAppFixture.CoordinatorUser);
        await OpenTaskAsync(page, caseUrl, "Hold the");
        await Choose(page, "outcome", "held");
        await page.GetByLabel("What was discussed").FillAsync("Talked through the week; still sleeping at a friend's.");
        await SubmitTaskAsync(page, "check-in-held", caseUrl);
        await app.TimePassesAsync(TimeSpan.FromDays(7));
        await SignInAsync(page, CareJourneyAppFixture.CoordinatorUser);
        await OpenTaskAsync(page, caseUrl, "Hold the");
        await Choose(page, "outcome", "stable");
        await page.GetByLabel("What was discussed").FillAsync("Staying with her sister; safety plan in place.");
        await SubmitTaskAsync(page, "check-in-stable", caseUrl);

        // Referral: the service chosen with the client from the directory.
        await OpenTaskAsync(page, caseUrl, "Choose a service with the client");
        await page.GetByLabel("Service").SelectOptionAsync(new SelectOptionValue { Label = "Rapid re-housing" });
        await SubmitTaskAsync(page, "service-choice", caseUrl);
        await ReloadUntilAsync(page, caseUrl, "Rapid re-housing requested");
        await ShotAsync(page, "case-referred");

        // The provider, in a browser with no session, accepts and later completes from the emailed link.
        var link = await ProviderLinkAsync();
        await using (var provider = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), BypassCSP = true }))
        {
            var providerPage = await provider.NewPageAsync();
            await providerPage.GotoAsync(link);
            await ShotAsync(providerPage, "provider-link");
            await providerPage.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await Expect(providerPage.GetByRole(AriaRole.Button, new() { Name = "Services started" })).ToBeVisibleAsync();
            await providerPage.GetByRole(AriaRole.Button, new() { Name = "Services started" }).ClickAsync();
            await Expect(providerPage.GetByRole(AriaRole.Button, new() { Name = "Services completed" })).ToBeVisibleAsync();
            await providerPage.GetByRole(AriaRole.Button, new() { Name = "Services completed" }).ClickAsync();
            await providerPage.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await ShotAsync(providerPage, "provider-completed");
        }

        // The workflow asks the coordinator how they helped; only what they write is recorded.
        await OpenTaskAsync(page, caseUrl, "Referral accepted: note how you helped the client get there");
        await page.GetByLabel("Kind of advocacy").SelectOptionAsync("Navigation");
        await page.GetByLabel("What you did").FillAsync("Went with Rosa to the intake appointment.");
        await page.GetByLabel("With whom").FillAsync("Harbor intake worker");
        await SubmitTaskAsync(page, "advocacy-note", caseUrl);

        // Follow-up at day 7, 30 and 90, then closure.
        foreach (var (days, label) in new[] { (7, "day 7"), (23, "day 30"), (60, "day 90") })
        {
            await app.TimePassesAsync(TimeSpan.FromDays(days));
            await SignInAsync(page, CareJourneyAppFixture.CoordinatorUser);
            await OpenTaskAsync(page, caseUrl, "Follow up with the client");
            await Choose(page, "reached", "yes");
            await Choose(page, "needMet", "yes");
            await Choose(page, "serviceReceived", "yes");
            await page.GetByLabel("Notes").FillAsync($"Follow-up {label}: housed and settled.");
            await SubmitTaskAsync(page, "follow-up-" + label.Replace(' ', '-'), caseUrl);
        }

        await OpenTaskAsync(page, caseUrl, "Close the case");
        await page.GetByLabel("Reason").SelectOptionAsync("goals-met");
        await page.GetByLabel("Summary").FillAsync("Housed; follow-up complete.");
        await SubmitTaskAsync(page, "closure-form", caseUrl);
        await ReloadUntilAsync(page, caseUrl, "Closed");

        // The timeline says who did what: the coordinator's name on the advocacy note and the closure.
        var timeline = await page.ContentAsync();
        Assert.Contains("Went with Rosa to the intake appointment.", timeline, StringComparison.Ordinal);
        Assert.Contains(CareJourneyAppFixture.CoordinatorUser, timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("Provider accepted the referral.", timeline, StringComparison.Ordinal);
        await ShotAsync(page, "case-closed");
    }

    private static Task Choose(IPage page, string key, string value) =>
        page.Locator($"input[name='answers.{key}'][value='{value}']").CheckAsync();

    private string Day(int days) => app.App.Clock.GetUtcNow().AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Opens the case's open task whose title starts with <paramref name="title"/>, from the case page.</summary>
    private static async Task OpenTaskAsync(IPage page, string caseUrl, string title)
    {
        var link = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(title)) });
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            await page.GotoAsync(caseUrl);
            if (await link.CountAsync() > 0) break;
            if (DateTime.UtcNow > until) throw new TimeoutException($"No open task '{title}' on {caseUrl} within {Deadline}.");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        await link.First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/tasks/[0-9a-f-]{36}$"), UrlWait);
    }

    private async Task SubmitTaskAsync(IPage page, string shot, string caseUrl)
    {
        await ShotAsync(page, shot);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and complete the task" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(caseUrl) + "([?#].*)?$"), UrlWait);
        await Expect(page.GetByText("Task completed").First).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(CareJourneyAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"), UrlWait);
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

        throw new TimeoutException($"No referral email to {HarborEmail} with a provider link in {app.OutboxDirectory} within {Deadline}.");
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

    private async Task ShotAsync(IPage page, string name)
    {
        _shot++;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDirectory, $"care-journey-{_shot:D2}-{name}.png"), FullPage = true });
        var serious = await AccessibilityTests.SeriousViolationsAsync(page, _axe);
        Assert.True(serious.Count == 0, $"axe found {serious.Count} serious or critical violation(s) on {page.Url} ({name}):\n  {string.Join("\n  ", serious)}");
    }

    [GeneratedRegex(@"/r/[A-Za-z0-9_\-\.]+")]
    private static partial Regex LinkPattern();

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
