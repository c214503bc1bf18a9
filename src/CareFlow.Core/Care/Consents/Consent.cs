namespace CareFlow.Core.Care.Consents;

/// <summary>A 42 CFR Part 2 (§2.31) written consent to disclose SUD records.</summary>
public sealed class Consent
{
    /// <summary>How to revoke, when the consent form names no other way.</summary>
    public const string DefaultRevocationInstructions = "Tell your coordinator, in writing or orally, at any time.";

    public Guid Id { get; set; }

    /// <summary>The patient.</summary>
    public Guid ClientId { get; set; }

    /// <summary>Who may disclose (the program or person).</summary>
    public string DisclosingParty { get; set; } = "";

    /// <summary>What information, specifically.</summary>
    public string InformationDescription { get; set; } = "";

    /// <summary>The named recipient organisation (directory organization id), if any.</summary>
    public string? RecipientOrganizationId { get; set; }

    public string RecipientName { get; set; } = "";

    /// <summary>The named recipient's address, if the consent names one.</summary>
    public string? RecipientEmail { get; set; }

    public string Purpose { get; set; } = "";

    /// <summary>How the patient may revoke (§2.31(a)(6)); shown in the rights summary.</summary>
    public string RevocationInstructions { get; set; } = "";

    public DateOnly? ExpiresOn { get; set; }

    /// <summary>An expiry event instead of (or besides) a date, e.g. "end of treatment".</summary>
    public string? ExpiryEvent { get; set; }

    public string SignedBy { get; set; } = "";

    public DateTimeOffset SignedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>How it was revoked (written, oral, …).</summary>
    public string? RevocationMethod { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
