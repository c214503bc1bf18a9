using System.Text.RegularExpressions;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.ProviderLinks;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace CareFlow.BrowserTests;

/// <summary>
/// axe-core in the provider's pages behind the emailed link, in real Chromium without a session: the referral page,
/// the page after each kind of answer (a status line, a refusal), the client details after the emailed one-time code,
/// a wrong code's alert, and a link that is not valid. Serious or critical violations fail, as for the coordinator's
/// pages (<see cref="AccessibilityTests"/>); each page is screenshotted as <c>provider-&lt;name&gt;.png</c>.
/// </summary>
[Collection("accessibility")]
public sealed partial class ProviderPagesAccessibilityTests(AccessibilityAppFixture app)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A requested referral on the demo case with a consent (for the provider the consent names), and its link, as the
    /// referral email would carry it; the path of the provider's page.
    /// </summary>
    private async Task<string> ProviderLinkPathAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
        var now = DateTimeOffset.UtcNow;
        var clientId = await db.Set<Case>().Where(c => c.Id == app.CaseId).Select(c => c.ClientId).SingleAsync(TestContext.Current.CancellationToken);
        var consent = await db.Set<Consent>().Where(c => c.ClientId == clientId && c.RecipientOrganizationId != null).FirstAsync(TestContext.Current.CancellationToken);
        var service = await db.Set<Service>().Where(s => s.OrganizationId == consent.RecipientOrganizationId).FirstAsync(TestContext.Current.CancellationToken);
        var referral = new Referral
        {
            Id = Guid.CreateVersion7(now), Reference = "R-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), CaseId = app.CaseId, ClientId = clientId,
            Category = service.Category ?? "housing", ServiceId = service.Id, OrganizationId = consent.RecipientOrganizationId!, ConsentId = consent.Id,
            RequestedAt = now, ResponseDueAt = now.AddDays(2), Status = ReferralTaskStatus.Requested, LastModifiedAt = now,
        };
        var link = new ProviderLink { Id = Guid.NewGuid(), ReferralId = referral.Id, RecipientEmail = consent.RecipientEmail!, CreatedAt = now, ExpiresAt = now.AddDays(7) };
        db.AddRange(referral, link);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return "/r/" + scope.ServiceProvider.GetRequiredService<IProviderLinkTokens>().Issue(link, link.ExpiresAt);
    }

    /// <summary>The newest one-time code written to the embedded outbox folder for <paramref name="recipient"/>.</summary>
    private async Task<string> OneTimeCodeAsync(string recipient)
    {
        var folder = Path.Combine(app.DataDirectory, "outbox");
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in new DirectoryInfo(folder).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc))
                {
                    using var message = await MimeMessage.LoadAsync(file.FullName, TestContext.Current.CancellationToken);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase))
                        && CodePattern().Match(message.TextBody ?? "") is { Success: true } match)
                        return match.Groups[1].Value;
                }
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No one-time code for {recipient} in {folder} within {Deadline}.");
    }

    private async Task CheckAsync(IPage page, string name, int status, IResponse? response = null)
    {
        if (response is not null) Assert.Equal(status, response.Status);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDirectory, $"provider-{name}.png"), FullPage = true });
        var serious = await AccessibilityTests.SeriousViolationsAsync(page, app.AxeSource);
        Assert.True(serious.Count == 0, $"axe found {serious.Count} serious or critical violation(s) on the provider's {name} page:\n  {string.Join("\n  ", serious)}");
    }

    [Fact]
    public async Task ProviderPages_HaveNoSeriousOrCriticalViolations()
    {
        var path = await ProviderLinkPathAsync();
        // The page's CSP allows no script; axe is injected as an inline script tag, so this context bypasses it.
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), BypassCSP = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);

        await CheckAsync(page, "referral", 200, await page.GotoAsync(path));
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).CountAsync());

        // A code entered before any was sent: the refusal is an alert on the details page.
        await page.GetByLabel("Code").FillAsync("000000");
        var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Show details" }).ClickAsync(),
            r => r.Url.EndsWith("/details", StringComparison.Ordinal));
        await CheckAsync(page, "details-refused", 400, refused);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the referral" }).ClickAsync();
        var codeSent = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Email me a code" }).ClickAsync(),
            r => r.Url.EndsWith("/code", StringComparison.Ordinal));
        await CheckAsync(page, "code-sent", 200, codeSent);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("A code was sent");

        await page.GetByLabel("Code").FillAsync(await OneTimeCodeAsync(await RecipientAsync(path)));
        var details = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Show details" }).ClickAsync(),
            r => r.Url.EndsWith("/details", StringComparison.Ordinal));
        await CheckAsync(page, "details", 200, details);

        await page.GotoAsync(path);
        var accepted = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync(),
            r => r.Url.EndsWith("/accept", StringComparison.Ordinal));
        await CheckAsync(page, "accepted", 200, accepted);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Services started" })).ToBeVisibleAsync();

        await CheckAsync(page, "not-valid", 404, await page.GotoAsync("/r/not-a-valid-link"));
    }

    private async Task<string> RecipientAsync(string path)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IProviderLinkTokens>();
        Assert.Equal(LinkCheck.Valid, tokens.Read(path["/r/".Length..], out _, out var linkId));
        return await scope.ServiceProvider.GetRequiredService<CareFlowDbContext>().Set<ProviderLink>()
            .Where(l => l.Id == linkId).Select(l => l.RecipientEmail).SingleAsync(TestContext.Current.CancellationToken);
    }

    [GeneratedRegex(@"verification code is (\d{6})")]
    private static partial Regex CodePattern();
}
