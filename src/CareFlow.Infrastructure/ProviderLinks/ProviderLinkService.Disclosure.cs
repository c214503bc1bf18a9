using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Outbox;
using CareFlow.Core.ProviderLinks;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.ProviderLinks;

public sealed partial class ProviderLinkService
{
    private const int MaxCodesPerQuarterHour = 3;

    /// <summary>The answer once a code's attempts are used up (or a parallel entry just spent it).</summary>
    public const string CodeLockedMessage = "This code is locked after too many wrong entries; request a new one.";

    /// <summary>Emails a fresh one-time code to the link's provider address; false (with why) when not allowed.</summary>
    public async Task<(bool Sent, string Message)> SendCodeAsync(string token, CancellationToken cancellationToken = default)
    {
        var page = await OpenAsync(token, cancellationToken);
        if (page.Check != LinkCheck.Valid) return (false, page.Check.ToString());
        var link = page.Link!;
        var now = time.GetUtcNow();
        var recent = await db.Set<ProviderAccessCode>().CountAsync(c => c.LinkId == link.Id && c.CreatedAt > now.AddMinutes(-15), cancellationToken);
        if (recent >= MaxCodesPerQuarterHour) return (false, "Too many codes were requested; wait a few minutes and try again.");

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var salt = RandomNumberGenerator.GetBytes(16);
        var row = new ProviderAccessCode
        {
            Id = Guid.CreateVersion7(now), LinkId = link.Id, Salt = Convert.ToHexStringLower(salt), CodeHash = Hash(salt, code),
            CreatedAt = now, ExpiresAt = now + options.Value.CodeLifetime,
        };
        db.Set<ProviderAccessCode>().Add(row);
        var email = templates.OneTimeCode(code, options.Value.CodeLifetime);
        var key = OutboxKey.For($"link:{link.Id:N}", $"code:{row.Id:N}", link.RecipientEmail, email.Template, email.Version);
        await outbox.EnqueueAsync(new OutboxEmail(key, link.RecipientEmail, email, $"code:{link.Id:N}"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (true, "A code was sent to the referral address of your organisation.");
    }

    /// <summary>
    /// Checks the code, then the consent (valid, naming this recipient), and shows only what the consent covers, with
    /// the §2.32 notice; every disclosure is a ledger entry written in the same transaction as spending the code.
    /// </summary>
    public async Task<DisclosureOutcome> DiscloseAsync(string token, string? code, CancellationToken cancellationToken = default)
    {
        var notice = options.Value.RedisclosureNotice;
        var page = await OpenAsync(token, cancellationToken);
        if (page.Check != LinkCheck.Valid) return Refused(page.Check.ToString(), notice);
        var link = page.Link!;
        var now = time.GetUtcNow();
        var row = await db.Set<ProviderAccessCode>().AsNoTracking().Where(c => c.LinkId == link.Id && c.UsedAt == null)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (row is null || row.ExpiresAt <= now)
            return Refused("The code has expired or was used up; request a new one.", notice);

        // Each entry first takes one attempt in the database (one conditional UPDATE), and only an entry that got one
        // is compared: however many guesses arrive at once, at most CodeMaxAttempts are ever checked.
        var maxAttempts = options.Value.CodeMaxAttempts;
        var taken = await db.Set<ProviderAccessCode>()
            .Where(c => c.Id == row.Id && c.UsedAt == null && c.FailedAttempts < maxAttempts)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), cancellationToken);
        if (taken != 1)
            return Refused(CodeLockedMessage, notice);
        code = (code ?? "").Trim();
        if (code.Length != 6 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(Convert.FromHexString(row.Salt), code)), Encoding.ASCII.GetBytes(row.CodeHash)))
            return Refused("That code is not correct.", notice);

        var referral = await db.Set<Referral>().AsNoTracking().FirstAsync(r => r.Id == page.ReferralId, cancellationToken);
        var consents = await db.Set<Consent>().AsNoTracking().Where(c => c.ClientId == referral.ClientId).ToListAsync(cancellationToken);
        var check = ConsentRules.Check(consents.Where(c => c.Id == referral.ConsentId), referral.OrganizationId, link.RecipientEmail, now);
        if (check.Verdict != ConsentVerdict.Valid || check.ConsentId is not { } consentId)
        {
            return Refused($"No client details can be shown: {check.Reason} The coordinator has to record a consent naming your organisation.", notice);
        }

        var consent = consents.First(c => c.Id == consentId);
        var client = await db.Set<Client>().AsNoTracking().FirstAsync(c => c.Id == referral.ClientId, cancellationToken);
        var fields = ConsentScope.Fields(consent, client, referral);
        // Spending the code (only if nobody else just did) and the ledger entry commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var spent = await db.Set<ProviderAccessCode>().Where(c => c.Id == row.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedAt, now), cancellationToken);
        if (spent != 1)
            return Refused("That code was just used; request a new one.", notice);
        db.Set<DisclosureRecord>().Add(new DisclosureRecord
        {
            Id = Guid.CreateVersion7(now), ClientId = client.Id, ConsentId = consent.Id, ReferralId = referral.Id, RecipientName = consent.RecipientName,
            RecipientEmail = link.RecipientEmail, Information = string.Join(", ", fields.Select(f => f.Key)), DisclosedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new DisclosureOutcome(true, "", fields, $"{consent.InformationDescription} (purpose: {consent.Purpose})", notice);
    }

    private static DisclosureOutcome Refused(string message, string notice) => new(false, message, [], "", notice);

    private static string Hash(byte[] salt, string code) => Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.ASCII.GetBytes(code)));
}
