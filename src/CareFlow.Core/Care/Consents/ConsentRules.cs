namespace CareFlow.Core.Care.Consents;

/// <summary>§2.31 validity for one recipient: named, not expired, not revoked. No consent means no disclosure.</summary>
public static class ConsentRules
{
    public static bool Names(Consent consent, string? organizationId, string? email)
    {
        return (!string.IsNullOrEmpty(organizationId) && string.Equals(consent.RecipientOrganizationId, organizationId, StringComparison.Ordinal))
            || (!string.IsNullOrEmpty(email) && string.Equals(consent.RecipientEmail, email, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsExpired(Consent consent, DateTimeOffset now) =>
        consent.ExpiresOn is { } expires && DateOnly.FromDateTime(now.UtcDateTime) > expires;

    public static ConsentCheck Check(IEnumerable<Consent> consents, string? organizationId, string? email, DateTimeOffset now)
    {
        var naming = consents.Where(c => Names(c, organizationId, email)).OrderByDescending(c => c.SignedAt).ToList();
        var valid = naming.FirstOrDefault(c => c.RevokedAt is null && !IsExpired(c, now));
        if (valid is not null) return new ConsentCheck(ConsentVerdict.Valid, valid.Id, "A consent names this recipient.");
        if (naming.Count == 0) return new ConsentCheck(ConsentVerdict.MissingOrExpired, null, "No consent names this recipient.");
        var revoked = naming.FirstOrDefault(c => c.RevokedAt is not null);
        return revoked is not null
            ? new ConsentCheck(ConsentVerdict.Revoked, revoked.Id, $"The consent naming this recipient was revoked on {revoked.RevokedAt:yyyy-MM-dd}.")
            : new ConsentCheck(ConsentVerdict.MissingOrExpired, naming[0].Id, $"The consent naming this recipient expired on {naming[0].ExpiresOn:yyyy-MM-dd}.");
    }

    /// <summary>The refusals for a consent to be recorded, as (field, message); empty when it may be stored.</summary>
    public static IEnumerable<(string Field, string Message)> Validate(Consent consent)
    {
        if (string.IsNullOrWhiteSpace(consent.RecipientOrganizationId) && string.IsNullOrWhiteSpace(consent.RecipientEmail))
            yield return ("recipient", "A Part 2 consent must name its recipient (organisation id or email).");
        if (string.IsNullOrWhiteSpace(consent.Purpose)) yield return ("purpose", "A Part 2 consent must state its purpose.");
        if (string.IsNullOrWhiteSpace(consent.InformationDescription)) yield return ("informationDescription", "Describe what information may be disclosed.");
        if (string.IsNullOrWhiteSpace(consent.DisclosingParty)) yield return ("disclosingParty", "Name who may disclose.");
        if (string.IsNullOrWhiteSpace(consent.SignedBy)) yield return ("signedBy", "A consent needs a signature.");
        if (consent.ExpiresOn is null && string.IsNullOrWhiteSpace(consent.ExpiryEvent)) yield return ("expiresOn", "A consent needs an expiry date or event.");
        // The provider link and the disclosure record keep these in bounded columns; refuse here, before anything is written.
        if (consent.RecipientName.Length > MaxRecipientNameLength) yield return ("recipientName", $"A recipient name is at most {MaxRecipientNameLength} characters.");
        if (consent.RecipientEmail is { Length: > MaxRecipientEmailLength }) yield return ("recipientEmail", $"A recipient email is at most {MaxRecipientEmailLength} characters.");
    }

    /// <summary>The longest recipient name a disclosure record keeps.</summary>
    public const int MaxRecipientNameLength = 200;

    /// <summary>The longest recipient email a provider link keeps.</summary>
    public const int MaxRecipientEmailLength = 320;
}
