namespace CareFlow.Core.ProviderLinks;

/// <summary>
/// One entry of the disclosure ledger (42 CFR §2.24/§2.25): who received which client information, when, under
/// which consent. Append-only; kept at least 3 years.
/// </summary>
public sealed class DisclosureRecord
{
    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public Guid ConsentId { get; set; }

    public Guid ReferralId { get; set; }

    public string RecipientName { get; set; } = "";

    public string RecipientEmail { get; set; } = "";

    /// <summary>What was shown (the field names, e.g. "name, date of birth, phone").</summary>
    public string Information { get; set; } = "";

    public string Channel { get; set; } = "provider-link";

    public DateTimeOffset DisclosedAt { get; set; }
}
