using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.IntegrationTests.Email;

/// <summary>The email to a provider about a new referral over real SMTP: what it carries (no client data), encoding, and the failure path when it cannot be delivered.</summary>
[Collection(EmailCollectionDefinition.Name)]
public sealed class ReferralEmailTests(CareFlowApp<EmailApp> app)
{
    private readonly ReferralEmailRig rig = new(app);

    [Fact]
    public async Task ReferralEmail_CarriesOnlyProgramReferenceDueDateAndLink_NoClientData()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, row, email, raw) = await rig.ReferAsync(cancellationToken);

        Assert.Equal(OutboxStatus.Sent, row.Status);
        foreach (var planted in ReferralFixture.ClientData) Assert.DoesNotContain(planted, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("substance", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Null(Core.Email.Templates.SensitiveTerms.Find(email.Subject + " " + email.From + " " + email.TextBody + " " + email.HtmlBody));
        Assert.Equal(ReferralFixture.ProviderEmail, Assert.Single(email.To.Mailboxes).Address);
        Assert.Contains(referral.Reference, email.Subject, StringComparison.Ordinal);
        Assert.Contains(referral.ProgramName, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Please respond by", email.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("/r/", ReferralEmailRig.LinkPath(email), StringComparison.Ordinal);
        Assert.Equal(row.MessageId, email.MessageId);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "careflow-referral-email-sample.eml"), raw);
    }

    [Fact]
    public async Task ReferralEmail_550_TakesTheFailurePath()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var referral = new ReferralFixture();
        var now = DateTimeOffset.UtcNow;
        await app.ResetAsync(cancellationToken);
        await app.Options.Smtp.ModeAsync("permfail", cancellationToken, count: 1, at: "rcpt");
        await app.WithDbAsync(async (services, db) =>
        {
            await referral.SeedAsync(db, now, cancellationToken);
            await referral.NotifyAsync(services, ProviderNotificationKind.NewReferral, now, cancellationToken);
            return 0;
        });

        await Poll.UntilAsync(() => rig.StatusAsync(referral), s => s == ReferralTaskStatus.Failed, ReferralEmailRig.Deadline, "the referral to fail", cancellationToken);
        var row = await app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(cancellationToken));
        Assert.Equal(OutboxStatus.Failed, row.Status);
    }

    [Fact]
    public async Task ReferralEmail_ToAnInvalidProviderAddress_IsNeverSent_AndTakesTheFailurePath()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (referral, row, _, _) = await rig.ReferAsync(cancellationToken, new ReferralFixture { ServiceEmail = "intake@harbor.test\r\nBcc: all@evil.test" });

        Assert.Equal(OutboxStatus.Failed, row.Status);
        await Poll.UntilAsync(() => rig.StatusAsync(referral), s => s == ReferralTaskStatus.Failed, ReferralEmailRig.Deadline, "the referral to fail", cancellationToken);
        Assert.Empty(await app.Options.Smtp.MessageIdsAsync(cancellationToken));
    }

    [Fact]
    public async Task ProgramNameWithMarkupOrAnSudTerm_IsEncodedOrNeutralised()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (_, _, email, raw) = await rig.ReferAsync(cancellationToken, new ReferralFixture { ProgramName = "Opioid Detox <b>Unit</b>" });

        Assert.DoesNotContain("Detox", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("your program", email.TextBody, StringComparison.Ordinal);

        var (_, _, marked, _) = await rig.ReferAsync(cancellationToken, new ReferralFixture { ProgramName = "Harbor <img src=x onerror=alert(1)> Homes" });
        Assert.DoesNotContain("<img", marked.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;img", marked.HtmlBody, StringComparison.Ordinal);
    }
}
