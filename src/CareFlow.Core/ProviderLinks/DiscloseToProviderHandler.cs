using System.Security.Cryptography;
using System.Text;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Referrals;
using Microsoft.Extensions.Options;

namespace CareFlow.Core.ProviderLinks;

/// <summary>
/// Use case: the provider enters the one-time code. The code is checked, then the consent (valid, naming this
/// recipient); only what the consent covers is shown, with the §2.32 notice, and every disclosure is a ledger entry
/// written in the same transaction as spending the code.
/// </summary>
public sealed class DiscloseToProviderHandler(
    OpenProviderLinkHandler open, ICareData data, IProviderAccessCodes codes, IOptions<ProviderLinkOptions> options, TimeProvider time)
{
    /// <summary>The answer once a code's attempts are used up (or a parallel entry just spent it).</summary>
    public const string CodeLockedMessage = "This code is locked after too many wrong entries; request a new one.";

    public async Task<DisclosureOutcome> HandleAsync(string token, string? code, CancellationToken cancellationToken = default)
    {
        var notice = options.Value.RedisclosureNotice;
        var page = await open.HandleAsync(token, cancellationToken);
        if (page.Check != LinkCheck.Valid) return Refused(page.Check.ToString(), notice);
        var link = page.Link!;
        var now = time.GetUtcNow();
        var row = await data.FirstOrDefaultAsync(data.Query<ProviderAccessCode>().Where(c => c.LinkId == link.Id && c.UsedAt == null)
            .OrderByDescending(c => c.CreatedAt), cancellationToken);
        if (row is null || row.ExpiresAt <= now)
            return Refused("The code has expired or was used up; request a new one.", notice);

        // Each entry first takes one attempt in the database (one conditional UPDATE), and only an entry that got one
        // is compared: however many guesses arrive at once, at most CodeMaxAttempts are ever checked.
        if (!await codes.TryTakeAttemptAsync(row.Id, options.Value.CodeMaxAttempts, cancellationToken))
            return Refused(CodeLockedMessage, notice);
        code = (code ?? "").Trim();
        if (code.Length != 6 || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(ProviderAccessCode.Hash(Convert.FromHexString(row.Salt), code)), Encoding.ASCII.GetBytes(row.CodeHash)))
            return Refused("That code is not correct.", notice);

        var referral = await data.FirstOrDefaultAsync(data.Query<Referral>().Where(r => r.Id == page.ReferralId), cancellationToken)
            ?? throw CareEntityNotFoundException.For("Referral", page.ReferralId);
        var consents = await data.ToListAsync(data.Query<Consent>().Where(c => c.ClientId == referral.ClientId), cancellationToken);
        var check = ConsentRules.Check(consents.Where(c => c.Id == referral.ConsentId), referral.OrganizationId, link.RecipientEmail, now);
        if (check.Verdict != ConsentVerdict.Valid || check.ConsentId is not { } consentId)
        {
            return Refused($"No client details can be shown: {check.Reason} The coordinator has to record a consent naming your organisation.", notice);
        }

        var consent = consents.First(c => c.Id == consentId);
        var client = await data.RequireClientAsync(referral.ClientId, cancellationToken);
        var fields = ConsentScope.Fields(consent, client, referral);
        var disclosure = new DisclosureRecord
        {
            Id = Guid.CreateVersion7(now), ClientId = client.Id, ConsentId = consent.Id, ReferralId = referral.Id, RecipientName = consent.RecipientName,
            RecipientEmail = link.RecipientEmail, Information = string.Join(", ", fields.Select(f => f.Key)), DisclosedAt = now,
        };
        if (!await codes.SpendAndRecordAsync(row.Id, now, disclosure, cancellationToken))
            return Refused("That code was just used; request a new one.", notice);

        return new DisclosureOutcome(true, "", fields, $"{consent.InformationDescription} (purpose: {consent.Purpose})", notice);
    }

    private static DisclosureOutcome Refused(string message, string notice) => new(false, message, [], "", notice);
}
