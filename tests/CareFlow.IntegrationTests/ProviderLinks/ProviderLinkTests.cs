using System.Net;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Outbox;
using CareFlow.Core.ProviderLinks;
using CareFlow.IntegrationTests.Email;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.IntegrationTests.ProviderLinks;

/// <summary>The provider's link from the referral email: reading changes nothing, accept, start, complete and decline, the emailed code, and refusals of tampered, foreign and forged requests.</summary>
[Collection(EmailCollectionDefinition.Name)]
public sealed class ProviderLinkTests(CareFlowApp<EmailApp> app)
{
    private readonly ReferralEmailRig rig = new(app);

    [Fact]
    public async Task ProviderLink_GetChangesNothing_AcceptThenStartThenComplete()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, _, email, _) = await rig.ReferAsync(cancellationToken);
        using var provider = new ProviderPageClient(app);
        var path = ReferralEmailRig.LinkPath(email);

        var (status, html) = await provider.GetAsync(path, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(referral.Reference, html, StringComparison.Ordinal);
        Assert.DoesNotContain(ReferralFixture.FamilyName, html, StringComparison.Ordinal);
        await provider.GetAsync(path, cancellationToken);
        Assert.Equal(ReferralTaskStatus.Requested, await rig.StatusAsync(referral));

        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync(path + "/accept", cancellationToken)).Status);
        Assert.Equal(ReferralTaskStatus.Accepted, await rig.StatusAsync(referral));
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync(path + "/start", cancellationToken)).Status);
        Assert.Equal(ReferralTaskStatus.InProgress, await rig.StatusAsync(referral));
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync(path + "/complete", cancellationToken)).Status);
        Assert.Equal(ReferralTaskStatus.Completed, await rig.StatusAsync(referral));
        Assert.Equal(HttpStatusCode.Conflict, (await provider.PostAsync(path + "/accept", cancellationToken)).Status);
    }

    [Fact]
    public async Task ProviderLink_TwentyConcurrentAccepts_GiveOneDecision()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, _, email, _) = await rig.ReferAsync(cancellationToken);
        var path = ReferralEmailRig.LinkPath(email);
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
            Assert.Equal(link.Decision == "accepted" ? ReferralTaskStatus.Accepted : ReferralTaskStatus.Rejected, await rig.StatusAsync(referral));
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
        var (referral, _, email, _) = await rig.ReferAsync(cancellationToken);
        using var provider = new ProviderPageClient(app);
        var path = ReferralEmailRig.LinkPath(email);
        await provider.GetAsync(path, cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync(path + "/decline", cancellationToken)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync(path + "/decline", cancellationToken, ("reason", "Bogus"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync(path + "/decline", cancellationToken, ("reason", "Other"))).Status);
        Assert.Equal(ReferralTaskStatus.Requested, await rig.StatusAsync(referral));

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
        var (referral, _, email, _) = await rig.ReferAsync(cancellationToken);
        using var provider = new ProviderPageClient(app);
        var path = ReferralEmailRig.LinkPath(email);
        var token = path["/r/".Length..];
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        var otherReferral = Guid.NewGuid().ToString("N") + token[32..];

        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync("/r/" + tampered, cancellationToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync("/r/" + otherReferral, cancellationToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync("/r/garbage", cancellationToken)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync(path + "/accept", cancellationToken)).Status); // no anti-forgery token yet
        await provider.GetAsync(path, cancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.PostAsync("/r/" + tampered + "/accept", cancellationToken)).Status);
        Assert.Equal(ReferralTaskStatus.Requested, await rig.StatusAsync(referral));
    }

    [Fact]
    public async Task ProviderLink_ShowsDetailsOnlyAfterTheEmailedCode_WithTheNotice_AndLedgersEachView()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, _, email, _) = await rig.ReferAsync(cancellationToken);
        using var provider = new ProviderPageClient(app);
        var path = ReferralEmailRig.LinkPath(email);
        await provider.GetAsync(path, cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync(path + "/details", cancellationToken, ("code", "000000"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync(path + "/code", cancellationToken)).Status);
        var codeRow = await Poll.UntilAsync(() => app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Template.StartsWith("one-time-code") && m.Status == OutboxStatus.Sent, cancellationToken)),
            r => r is not null, ReferralEmailRig.Deadline, "the code email", cancellationToken);
        var codeEmail = await SmtpDump.WaitForAsync(app.SmtpDump, codeRow!.MessageId, ReferralEmailRig.Deadline, cancellationToken);
        Assert.Equal(ReferralFixture.ProviderEmail, Assert.Single(codeEmail.To.Mailboxes).Address);
        var code = ReferralEmailRig.CodePattern().Match(codeEmail.TextBody ?? "").Groups[1].Value;

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
        var (_, _, email, _) = await rig.ReferAsync(cancellationToken);
        var path = ReferralEmailRig.LinkPath(email);
        var clients = Enumerable.Range(0, 20).Select(_ => new ProviderPageClient(app)).ToList();
        try
        {
            foreach (var client in clients) await client.GetAsync(path, cancellationToken);
            Assert.Equal(HttpStatusCode.OK, (await clients[0].PostAsync(path + "/code", cancellationToken)).Status);
            var codeRow = await Poll.UntilAsync(() => app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Template.StartsWith("one-time-code") && m.Status == OutboxStatus.Sent, cancellationToken)),
                r => r is not null, ReferralEmailRig.Deadline, "the code email", cancellationToken);
            var code = ReferralEmailRig.CodePattern().Match((await SmtpDump.WaitForAsync(app.SmtpDump, codeRow!.MessageId, ReferralEmailRig.Deadline, cancellationToken)).TextBody ?? "").Groups[1].Value;
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
        var (referral, _, email, _) = await rig.ReferAsync(cancellationToken, new ReferralFixture { ConsentRevoked = true });
        using var provider = new ProviderPageClient(app);
        var path = ReferralEmailRig.LinkPath(email);
        await provider.GetAsync(path, cancellationToken);
        await provider.PostAsync(path + "/code", cancellationToken);
        var codeRow = await Poll.UntilAsync(() => app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Template.StartsWith("one-time-code") && m.Status == OutboxStatus.Sent, cancellationToken)),
            r => r is not null, ReferralEmailRig.Deadline, "the code email", cancellationToken);
        var code = ReferralEmailRig.CodePattern().Match((await SmtpDump.WaitForAsync(app.SmtpDump, codeRow!.MessageId, ReferralEmailRig.Deadline, cancellationToken)).TextBody ?? "").Groups[1].Value;

        var (status, html) = await provider.PostAsync(path + "/details", cancellationToken, ("code", code));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("revoked", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ReferralFixture.FamilyName, html, StringComparison.Ordinal);
        Assert.Empty(await app.WithDbAsync((_, db) => db.Set<DisclosureRecord>().AsNoTracking().Where(d => d.ReferralId == referral.ReferralId).ToListAsync(cancellationToken)));
    }
}
