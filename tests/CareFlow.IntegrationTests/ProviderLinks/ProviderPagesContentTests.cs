using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CareFlow.Core.Outbox;
using CareFlow.Core.ProviderLinks;
using CareFlow.IntegrationTests.Email;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.ProviderLinks;

/// <summary>
/// What the provider's pages show, as the provider's browser sees them: the referral's minimum-necessary facts and
/// the forms its status allows (each posting to its own URL with an anti-forgery token), a status line after an
/// action, the client details only after the emailed code with the consent's scope and the notice, every value
/// encoded, the provider headers on every answer and no cookie but the anti-forgery one.
/// </summary>
[Collection(EmailCollectionDefinition.Name)]
public sealed partial class ProviderPagesContentTests(CareFlowApp<EmailApp> app)
{
    private const string ProviderPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Seeds a requested referral and its link row (as the referral email would), and returns the link's path.</summary>
    private async Task<(ReferralFixture Referral, string Path, DateTimeOffset Due)> ReferralWithLinkAsync(ReferralFixture? referral = null)
    {
        await app.ResetAsync(Cancel);
        referral ??= new ReferralFixture();
        var now = DateTimeOffset.UtcNow;
        var token = await app.WithDbAsync(async (services, db) =>
        {
            await referral.SeedAsync(db, now, Cancel);
            var link = new ProviderLink { Id = Guid.NewGuid(), ReferralId = referral.ReferralId, RecipientEmail = referral.ServiceEmail, CreatedAt = now, ExpiresAt = now.AddDays(14) };
            db.Add(link);
            await db.SaveChangesAsync(Cancel);
            return services.GetRequiredService<IProviderLinkTokens>().Issue(link, link.ExpiresAt);
        });
        return (referral, "/r/" + token, now.AddDays(2));
    }

    private static void AssertProviderHeaders(HttpResponseMessage response)
    {
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("noindex, nofollow", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
        Assert.Equal(ProviderPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        Assert.All(cookies, c => Assert.StartsWith("careflow.antiforgery=", c, StringComparison.Ordinal));
    }

    private static List<string> FormActions(string html) => [.. FormPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static void AssertNoClientData(string html)
    {
        foreach (var planted in ReferralFixture.ClientData) Assert.DoesNotContain(planted, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReferralPage_ShowsTheReferralFacts_AndTheDecisionForms_AndNoClientData()
    {
        var (referral, path, due) = await ReferralWithLinkAsync();
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertProviderHeaders(response);
        Assert.Contains($"<title>Referral {referral.Reference}</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>Referral {referral.Reference}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Program</dt><dd>Harbor Rapid Rehousing</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Status</dt><dd>requested</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Please respond by</dt><dd>{due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</dd>", html, StringComparison.Ordinal);
        Assert.Equal([path + "/accept", path + "/decline", path + "/code", path + "/details"], FormActions(html));
        Assert.Equal(4, Regex.Count(html, "<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"[^\"]+\">"));
        foreach (var reason in new[] { "NotEligible", "NoCapacity", "Cost", "CannotContactClient", "ClientDeclined", "Other" })
            Assert.Contains($"<option value=\"{reason}\">", html, StringComparison.Ordinal);
        Assert.Contains("<select name=\"reason\" required>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"text\" name=\"reasonText\" maxlength=\"500\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"text\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"6\" required>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"status\"", html, StringComparison.Ordinal);
        AssertNoClientData(html);
    }

    [Fact]
    public async Task ReferralPage_AfterAccept_SaysSo_AndOffersStartAndComplete_ThenOnlyComplete()
    {
        var (_, path, _) = await ReferralWithLinkAsync();
        using var provider = new ProviderPageClient(app);
        await provider.GetAsync(path, Cancel);

        var (status, accepted) = await provider.PostAsync(path + "/accept", Cancel);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("<p role=\"status\" class=\"msg\">[^<]+</p>", accepted);
        Assert.Contains("<dt>Status</dt><dd>accepted</dd>", accepted, StringComparison.Ordinal);
        Assert.Equal([path + "/start", path + "/complete", path + "/code", path + "/details"], FormActions(accepted));
        AssertNoClientData(accepted);

        var (_, started) = await provider.PostAsync(path + "/start", Cancel);
        Assert.Contains("<dt>Status</dt><dd>in-progress</dd>", started, StringComparison.Ordinal);
        Assert.Equal([path + "/complete", path + "/code", path + "/details"], FormActions(started));

        var (again, conflict) = await provider.PostAsync(path + "/accept", Cancel);
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("<p role=\"status\" class=\"msg\">This referral has already been answered.</p>", conflict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferralPage_EncodesTheProgramName_AndTheRefusalMessage()
    {
        var (_, path, _) = await ReferralWithLinkAsync(new ReferralFixture { ProgramName = "Harbor <img src=x onerror=alert(1)> Homes" });
        using var provider = new ProviderPageClient(app);

        var (status, html) = await provider.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<dd>Harbor &lt;img src", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        var (declined, refused) = await provider.PostAsync(path + "/decline", Cancel, ("reason", "Other"));
        Assert.Equal(HttpStatusCode.BadRequest, declined);
        Assert.Contains("<p role=\"status\" class=\"msg\">Describe the reason.</p>", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailsPage_ShowsTheConsentedFields_TheScope_TheNotice_AndALinkBack()
    {
        var (referral, path, _) = await ReferralWithLinkAsync();
        using var provider = new ProviderPageClient(app);
        await provider.GetAsync(path, Cancel);
        var (sent, afterCode) = await provider.PostAsync(path + "/code", Cancel);
        Assert.Equal(HttpStatusCode.OK, sent);
        Assert.Contains("<p role=\"status\" class=\"msg\">A code was sent to the referral address of your organisation.</p>", afterCode, StringComparison.Ordinal);
        var row = await Poll.UntilAsync(() => app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Template.StartsWith("one-time-code") && m.Status == OutboxStatus.Sent, Cancel)),
            r => r is not null, Deadline, "the code email", Cancel);
        var code = CodePattern().Match((await SmtpDump.WaitForAsync(app.SmtpDump, row!.MessageId, Deadline, Cancel)).TextBody ?? "").Groups[1].Value;

        var wrong = code == "111111" ? "222222" : "111111";
        var (refusedStatus, refused) = await provider.PostAsync(path + "/details", Cancel, ("code", wrong));
        Assert.Equal(HttpStatusCode.BadRequest, refusedStatus);
        Assert.Contains($"<h1>Referral {referral.Reference}: client details</h1>", refused, StringComparison.Ordinal);
        Assert.Contains("<p role=\"alert\" class=\"msg\">That code is not correct.</p>", refused, StringComparison.Ordinal);
        AssertNoClientData(refused);

        var (status, html) = await provider.PostAsync(path + "/details", Cancel, ("code", code));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Client details</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>name</dt><dd>{ReferralFixture.GivenName} {ReferralFixture.FamilyName}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>date of birth</dt><dd>{ReferralFixture.DateOfBirth}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<p><small>Consent covers: {referral.Scope} (purpose: housing referral)</small></p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"notice\"><strong>{WebUtility.HtmlEncode(ProviderLinkOptions.DefaultRedisclosureNotice)}</strong></p>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{path}\">Back to the referral</a>", html, StringComparison.Ordinal);
        Assert.Empty(FormActions(html));
    }

    [Fact]
    public async Task EveryAnswer_CarriesTheProviderHeaders_AndOnlyTheAntiforgeryCookie()
    {
        var (_, path, _) = await ReferralWithLinkAsync();
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var page = await http.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        AssertProviderHeaders(page);
        var antiforgery = Forms.TokenPair(await page.Content.ReadAsStringAsync(Cancel));

        foreach (var (action, expected) in new[] { ("decline", HttpStatusCode.BadRequest), ("details", HttpStatusCode.BadRequest), ("accept", HttpStatusCode.OK), ("accept", HttpStatusCode.Conflict) })
        {
            using var content = new FormUrlEncodedContent([antiforgery, new("code", "000000")]);
            using var response = await http.PostAsync(new Uri($"{path}/{action}", UriKind.Relative), content, Cancel);
            Assert.Equal(expected, response.StatusCode);
            AssertProviderHeaders(response);
        }
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\">")]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"verification code is (\d{6})")]
    private static partial Regex CodePattern();
}
