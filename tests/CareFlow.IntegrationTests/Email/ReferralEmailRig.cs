using System.Text.RegularExpressions;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Outbox;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CareFlow.IntegrationTests.Email;

/// <summary>What the referral email and provider link tests share: a referral whose email went out over SMTP, its link and code.</summary>
public sealed partial class ReferralEmailRig(CareFlowApp<EmailApp> app)
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public async Task<(ReferralFixture Referral, OutboxMessage Row, MimeMessage Email, string Raw)> ReferAsync(CancellationToken cancellationToken, ReferralFixture? referral = null)
    {
        await app.ResetAsync(cancellationToken);
        referral ??= new ReferralFixture();
        var now = DateTimeOffset.UtcNow;
        await app.WithDbAsync(async (services, db) =>
        {
            await referral.SeedAsync(db, now, cancellationToken);
            await referral.NotifyAsync(services, ProviderNotificationKind.NewReferral, now, cancellationToken);
            return 0;
        });
        var row = await Poll.UntilAsync(() => app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Template.StartsWith("new-referral"), cancellationToken)),
            r => r is not null && r.Status != OutboxStatus.Pending && r.Status != OutboxStatus.Sending, Deadline, "the referral email", cancellationToken);
        if (row!.Status != OutboxStatus.Sent) return (referral, row, new MimeMessage(), "");
        var file = await WaitForFileAsync(row.MessageId, cancellationToken);
        return (referral, row, await MimeMessage.LoadAsync(file, cancellationToken), await File.ReadAllTextAsync(file, cancellationToken));
    }

    public async Task<string> WaitForFileAsync(string messageId, CancellationToken cancellationToken)
    {
        await SmtpDump.WaitForAsync(app.SmtpDump, messageId, Deadline, cancellationToken);
        foreach (var file in Directory.EnumerateFiles(app.SmtpDump, "*.eml"))
        {
            if ((await MimeMessage.LoadAsync(file, cancellationToken)).MessageId == messageId) return file;
        }

        throw new FileNotFoundException(messageId);
    }

    public static string LinkPath(MimeMessage email) =>
        LinkPattern().Match(email.TextBody ?? "").Groups[1].Value is { Length: > 0 } path ? path : throw new InvalidOperationException("No link in:\n" + email.TextBody);

    public Task<ReferralTaskStatus> StatusAsync(ReferralFixture referral) =>
        app.WithDbAsync((_, db) => db.Set<Referral>().AsNoTracking().Where(r => r.Id == referral.ReferralId).Select(r => r.Status).SingleAsync());

    [GeneratedRegex(@"http://careflow\.test(/r/[A-Za-z0-9._\-]+)")]
    public static partial Regex LinkPattern();

    [GeneratedRegex(@"verification code is (\d{6})")]
    public static partial Regex CodePattern();
}
