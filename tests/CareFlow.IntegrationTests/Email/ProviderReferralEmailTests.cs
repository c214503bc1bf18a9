using System.Net;
using System.Text.RegularExpressions;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Outbox;
using CareFlow.Core.ProviderLinks;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CareFlow.IntegrationTests.Email;

[Collection(EmailCollectionDefinition.Name)]
public sealed partial class ProviderReferralEmailTests(CareFlowApp<EmailApp> app)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private async Task<(ReferralFixture Referral, OutboxMessage Row, MimeMessage Email, string Raw)> ReferAsync(CancellationToken cancellationToken, ReferralFixture? referral = null)
    {
        await app.ResetAsync(cancellationToken);
        referral ??= new ReferralFixture();
        var now = DateTimeOffset.UtcNow;
        await app.WithDbAsync(async (_, db) =>
        {
            await referral.SeedAsync(db, now, cancellationToken);
            await referral.NotifyAsync(db, ProviderNotificationKind.NewReferral, now, cancellationToken);
            return 0;
        });
        var row = await Poll.UntilAsync(() => app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Template.StartsWith("new-referral"), cancellationToken)),
            r => r is not null && r.Status != OutboxStatus.Pending && r.Status != OutboxStatus.Sending, Deadline, "the referral email", cancellationToken);
        if (row!.Status != OutboxStatus.Sent) return (referral, row, new MimeMessage(), "");
        var file = await WaitForFileAsync(row.MessageId, cancellationToken);
        return (referral, row, await MimeMessage.LoadAsync(file, cancellationToken), await File.ReadAllTextAsync(file, cancellationToken));
    }

    private async Task<string> WaitForFileAsync(string messageId, CancellationToken cancellationToken)
    {
        await SmtpDump.WaitForAsync(app.SmtpDump, messageId, Deadline, cancellationToken);
        foreach (var file in Directory.EnumerateFiles(app.SmtpDump, "*.eml"))
        {
            if ((await MimeMessage.LoadAsync(file, cancellationToken)).MessageId == messageId) return file;
        }

        throw new FileNotFoundException(messageId);
    }

    private static string LinkPath(MimeMessage email) =>
        LinkPattern().Match(email.TextBody ?? "").Groups[1].Value is { Length: > 0 } path ? path : throw new InvalidOperationException("No link in:\n" + email.TextBody);

    [Fact]
    public async Task ReferralEmail_CarriesOnlyProgramReferenceDueDateAndLink_NoClientData()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, row, email, raw) = await ReferAsync(cancellationToken);

        Assert.Equal(OutboxStatus.Sent, row.Status);
        foreach (var planted in ReferralFixture.ClientData) Assert.DoesNotContain(planted, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("substance", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Null(Core.Email.Templates.SensitiveTerms.Find(email.Subject + " " + email.From + " " + email.TextBody + " " + email.HtmlBody));
        Assert.Equal(ReferralFixture.ProviderEmail, Assert.Single(email.To.Mailboxes).Address);
        Assert.Contains(referral.Reference, email.Subject, StringComparison.Ordinal);
        Assert.Contains(referral.ProgramName, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Please respond by", email.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("/r/", LinkPath(email), StringComparison.Ordinal);
        Assert.Equal(row.MessageId, email.MessageId);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "careflow-referral-email-sample.eml"), raw);
    }

    [Fact]
    public async Task ProviderLink_GetChangesNothing_AcceptThenStartThenComplete()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, _, email, _) = await ReferAsync(cancellationToken);
        using var provider = new ProviderPageClient(app);
        var path = LinkPath(email);

        var (status, html) = await provider.GetAsync(path, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(referral.Reference, html, StringComparison.Ordinal);
        Assert.DoesNotContain(ReferralFixture.FamilyName, html, StringComparison.Ordinal);
        await provider.GetAsync(path, cancellationToken);
        Assert.Equal(ReferralTaskStatus.Requested, await StatusAsync(referral));

        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync(path + "/accept", cancellationToken)).Status);
        Assert.Equal(ReferralTaskStatus.Accepted, await StatusAsync(referral));
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync(path + "/start", cancellationToken)).Status);
        Assert.Equal(ReferralTaskStatus.InProgress, await StatusAsync(referral));
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync(path + "/complete", cancellationToken)).Status);
        Assert.Equal(ReferralTaskStatus.Completed, await StatusAsync(referral));
        Assert.Equal(HttpStatusCode.Conflict, (await provider.PostAsync(path + "/accept", cancellationToken)).Status);
    }

    [Fact]
    public async Task ProviderLink_TwentyConcurrentAccepts_GiveOneDecision()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, _, email, _) = await ReferAsync(cancellationToken);
        var path = LinkPath(email);
        var clients = Enumerable.Range(0, 20).Select(_ => new ProviderPageClient(app)).ToList();
        try
        {
            foreach (var client in clients) await client.GetAsync(path, cancellationToken);
            var results = await Task.WhenAll(clients.Select((c, i) => i % 2 == 0
                ? c.PostAsync(path + "/accept", cancellationToken)
                : c.PostAsync(path + "/decline", cancellationToken, ("reason", "NoCapacity"))));

            var statuses = string.Join(", ", results.Select(r => (int)r.Status));
            Assert.True(results.Count(r => r.Status == HttpStatusCode.OK) == 1, statuses);
            Assert.True(results.Count(r => r.Status == HttpStatusCode.Conflict) == 19, statuses);
            var link = await app.WithDbAsync((_, db) => db.Set<ProviderLink>().AsNoTracking().SingleAsync(l => l.ReferralId == referral.ReferralId, cancellationToken));
            Assert.NotNull(link.DecidedAt);
            Assert.Equal(link.Decision == "accepted" ? ReferralTaskStatus.Accepted : ReferralTaskStatus.Rejected, await StatusAsync(referral));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    [Fact]
    public async Task ProviderLink_DeclineNeedsAReason_AndRecordsIt()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, _, email, _) = await ReferAsync(cancellationToken);
        using var provider = new ProviderPageClient(app);
        var path = LinkPath(email);
        await provider.GetAsync(path, cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync(path + "/decline", cancellationToken)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync(path + "/decline", cancellationToken, ("reason", "Bogus"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync(path + "/decline", cancellationToken, ("reason", "Other"))).Status);
        Assert.Equal(ReferralTaskStatus.Requested, await StatusAsync(referral));

        var (status, html) = await provider.PostAsync(path + "/decline", cancellationToken, ("reason", "Other"), ("reasonText", "<script>alert(1)</script>\r\nwaitlist"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        var stored = await app.WithDbAsync((_, db) => db.Set<Referral>().AsNoTracking().SingleAsync(r => r.Id == referral.ReferralId, cancellationToken));
        Assert.Equal(ReferralTaskStatus.Rejected, stored.Status);
        Assert.Equal(ReferralStatusReason.Other, stored.StatusReason);
        Assert.Equal("<script>alert(1)</script> waitlist", stored.StatusReasonText);
    }

    [Fact]
    public async Task ProviderLink_RefusesTamperedForeignAndForgedRequests_WithA4xx()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, _, email, _) = await ReferAsync(cancellationToken);
        using var provider = new ProviderPageClient(app);
        var path = LinkPath(email);
        var token = path["/r/".Length..];
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        var otherReferral = Guid.NewGuid().ToString("N") + token[32..];

        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync("/r/" + tampered, cancellationToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync("/r/" + otherReferral, cancellationToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync("/r/garbage", cancellationToken)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync(path + "/accept", cancellationToken)).Status); // no anti-forgery token yet
        await provider.GetAsync(path, cancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.PostAsync("/r/" + tampered + "/accept", cancellationToken)).Status);
        Assert.Equal(ReferralTaskStatus.Requested, await StatusAsync(referral));
    }

    [Fact]
    public async Task ProviderLink_ShowsDetailsOnlyAfterTheEmailedCode_WithTheNotice_AndLedgersEachView()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, _, email, _) = await ReferAsync(cancellationToken);
        using var provider = new ProviderPageClient(app);
        var path = LinkPath(email);
        await provider.GetAsync(path, cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync(path + "/details", cancellationToken, ("code", "000000"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync(path + "/code", cancellationToken)).Status);
        var codeRow = await Poll.UntilAsync(() => app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Template.StartsWith("one-time-code") && m.Status == OutboxStatus.Sent, cancellationToken)),
            r => r is not null, Deadline, "the code email", cancellationToken);
        var codeEmail = await SmtpDump.WaitForAsync(app.SmtpDump, codeRow!.MessageId, Deadline, cancellationToken);
        Assert.Equal(ReferralFixture.ProviderEmail, Assert.Single(codeEmail.To.Mailboxes).Address);
        var code = CodePattern().Match(codeEmail.TextBody ?? "").Groups[1].Value;

        var wrong = code == "111111" ? "222222" : "111111";
        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync(path + "/details", cancellationToken, ("code", wrong))).Status);
        var (status, html) = await provider.PostAsync(path + "/details", cancellationToken, ("code", code));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(ReferralFixture.FamilyName, html, StringComparison.Ordinal);
        Assert.Contains(ReferralFixture.DateOfBirth, html, StringComparison.Ordinal);
        Assert.Contains("42 CFR part 2 prohibits unauthorized use or disclosure of these records.", html, StringComparison.Ordinal);
        var ledger = await app.WithDbAsync((_, db) => db.Set<DisclosureRecord>().AsNoTracking().Where(d => d.ReferralId == referral.ReferralId).ToListAsync(cancellationToken));
        var entry = Assert.Single(ledger);
        Assert.Equal(referral.ConsentId, entry.ConsentId);
        Assert.Equal(ReferralFixture.ProviderEmail, entry.RecipientEmail);
        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync(path + "/details", cancellationToken, ("code", code))).Status); // one time
    }

    [Fact]
    public async Task ProviderLink_TwentyParallelWrongCodes_CompareAtMostTheAttemptLimit_TheRestAreToldTheCodeIsLocked()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (_, _, email, _) = await ReferAsync(cancellationToken);
        var path = LinkPath(email);
        var clients = Enumerable.Range(0, 20).Select(_ => new ProviderPageClient(app)).ToList();
        try
        {
            foreach (var client in clients) await client.GetAsync(path, cancellationToken);
            Assert.Equal(HttpStatusCode.OK, (await clients[0].PostAsync(path + "/code", cancellationToken)).Status);
            var codeRow = await Poll.UntilAsync(() => app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Template.StartsWith("one-time-code") && m.Status == OutboxStatus.Sent, cancellationToken)),
                r => r is not null, Deadline, "the code email", cancellationToken);
            var code = CodePattern().Match((await SmtpDump.WaitForAsync(app.SmtpDump, codeRow!.MessageId, Deadline, cancellationToken)).TextBody ?? "").Groups[1].Value;
            var wrong = code == "111111" ? "222222" : "111111";

            var results = await Task.WhenAll(clients.Select(c => c.PostAsync(path + "/details", cancellationToken, ("code", wrong))));

            var compared = results.Count(r => r.Html.Contains("That code is not correct.", StringComparison.Ordinal));
            var locked = results.Count(r => r.Html.Contains("This code is locked after too many wrong entries", StringComparison.Ordinal));
            var statuses = string.Join(", ", results.Select(r => (int)r.Status));
            Assert.True(compared == 5, $"{compared} guesses were compared against a limit of 5 ({statuses})");
            Assert.Equal(15, locked);
            Assert.All(results, r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
            var row = await app.WithDbAsync((_, db) => db.Set<ProviderAccessCode>().AsNoTracking().SingleAsync(cancellationToken));
            Assert.Equal(5, row.FailedAttempts);
            Assert.Null(row.UsedAt);
            Assert.Equal(HttpStatusCode.BadRequest, (await clients[0].PostAsync(path + "/details", cancellationToken, ("code", code))).Status); // spent, even the right code
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    [Fact]
    public async Task ProviderLink_ShowsNoDetails_WhenTheConsentIsRevoked()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, _, email, _) = await ReferAsync(cancellationToken, new ReferralFixture { ConsentRevoked = true });
        using var provider = new ProviderPageClient(app);
        var path = LinkPath(email);
        await provider.GetAsync(path, cancellationToken);
        await provider.PostAsync(path + "/code", cancellationToken);
        var codeRow = await Poll.UntilAsync(() => app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Template.StartsWith("one-time-code") && m.Status == OutboxStatus.Sent, cancellationToken)),
            r => r is not null, Deadline, "the code email", cancellationToken);
        var code = CodePattern().Match((await SmtpDump.WaitForAsync(app.SmtpDump, codeRow!.MessageId, Deadline, cancellationToken)).TextBody ?? "").Groups[1].Value;

        var (status, html) = await provider.PostAsync(path + "/details", cancellationToken, ("code", code));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("revoked", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ReferralFixture.FamilyName, html, StringComparison.Ordinal);
        Assert.Empty(await app.WithDbAsync((_, db) => db.Set<DisclosureRecord>().AsNoTracking().Where(d => d.ReferralId == referral.ReferralId).ToListAsync(cancellationToken)));
    }

    [Fact]
    public async Task ReferralEmail_550_TakesTheFailurePath()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var referral = new ReferralFixture();
        var now = DateTimeOffset.UtcNow;
        await app.ResetAsync(cancellationToken);
        await app.Options.Smtp.ModeAsync("permfail", cancellationToken, count: 1, at: "rcpt");
        await app.WithDbAsync(async (_, db) =>
        {
            await referral.SeedAsync(db, now, cancellationToken);
            await referral.NotifyAsync(db, ProviderNotificationKind.NewReferral, now, cancellationToken);
            return 0;
        });

        await Poll.UntilAsync(() => StatusAsync(referral), s => s == ReferralTaskStatus.Failed, Deadline, "the referral to fail", cancellationToken);
        var row = await app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(cancellationToken));
        Assert.Equal(OutboxStatus.Failed, row.Status);
    }

    [Fact]
    public async Task ReferralEmail_ToAnInvalidProviderAddress_IsNeverSent_AndTakesTheFailurePath()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, row, _, _) = await ReferAsync(cancellationToken, new ReferralFixture { ServiceEmail = "intake@harbor.test\r\nBcc: all@evil.test" });

        Assert.Equal(OutboxStatus.Failed, row.Status);
        await Poll.UntilAsync(() => StatusAsync(referral), s => s == ReferralTaskStatus.Failed, Deadline, "the referral to fail", cancellationToken);
        Assert.Empty(await app.Options.Smtp.MessageIdsAsync(cancellationToken));
    }

    [Fact]
    public async Task ProgramNameWithMarkupOrAnSudTerm_IsEncodedOrNeutralised()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (_, _, email, raw) = await ReferAsync(cancellationToken, new ReferralFixture { ProgramName = "Opioid Detox <b>Unit</b>" });

        Assert.DoesNotContain("Detox", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("your program", email.TextBody, StringComparison.Ordinal);

        var (_, _, marked, _) = await ReferAsync(cancellationToken, new ReferralFixture { ProgramName = "Harbor <img src=x onerror=alert(1)> Homes" });
        Assert.DoesNotContain("<img", marked.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;img", marked.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentRevocation_CancelsTheReferral_KillsTheLink_AndTellsTheProviderWithoutClientData()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, _, email, _) = await ReferAsync(cancellationToken);
        var path = LinkPath(email);

        await app.WithDbAsync(async (services, _) =>
        {
            var data = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Care.ICareData>(services);
            var signals = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Care.ICareSignals>(services);
            await Core.Care.Consents.RecordConsentUseCase.RevokeAsync(data, signals, TimeProvider.System, referral.ConsentId, "written", cancellationToken);
            return 0;
        });

        Assert.Equal(ReferralTaskStatus.Cancelled, await StatusAsync(referral));
        using var provider = new ProviderPageClient(app);
        Assert.Equal(HttpStatusCode.Gone, (await provider.GetAsync(path, cancellationToken)).Status);
        var cancelled = await Poll.UntilAsync(() => app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Template.StartsWith("referral-cancelled") && m.Status == OutboxStatus.Sent, cancellationToken)),
            r => r is not null, Deadline, "the cancellation email", cancellationToken);
        var file = await WaitForFileAsync(cancelled!.MessageId, cancellationToken);
        var raw = await File.ReadAllTextAsync(file, cancellationToken);
        foreach (var planted in ReferralFixture.ClientData) Assert.DoesNotContain(planted, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/r/", raw, StringComparison.Ordinal);
    }

    private Task<ReferralTaskStatus> StatusAsync(ReferralFixture referral) =>
        app.WithDbAsync((_, db) => db.Set<Referral>().AsNoTracking().Where(r => r.Id == referral.ReferralId).Select(r => r.Status).SingleAsync());

    [GeneratedRegex(@"http://careflow\.test(/r/[A-Za-z0-9._\-]+)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"verification code is (\d{6})")]
    private static partial Regex CodePattern();
}
