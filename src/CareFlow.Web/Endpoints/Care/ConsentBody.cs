using CareFlow.Core.Care.Consents;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>A §2.31 consent as entered: who discloses, what, to whom, why, until when, how to revoke, signature.</summary>
public sealed record ConsentBody(string? DisclosingParty, string? InformationDescription, string? RecipientOrganizationId, string? RecipientName,
    string? RecipientEmail, string? Purpose, string? RevocationInstructions, DateOnly? ExpiresOn, string? ExpiryEvent, string? SignedBy, DateTimeOffset? SignedAt)
{
    internal Consent ToConsent(Guid clientId, DateTimeOffset now) => new()
    {
        ClientId = clientId, DisclosingParty = DisclosingParty?.Trim() ?? "", InformationDescription = InformationDescription?.Trim() ?? "",
        RecipientOrganizationId = string.IsNullOrWhiteSpace(RecipientOrganizationId) ? null : RecipientOrganizationId.Trim(),
        RecipientName = RecipientName?.Trim() ?? RecipientOrganizationId ?? RecipientEmail ?? "",
        RecipientEmail = string.IsNullOrWhiteSpace(RecipientEmail) ? null : RecipientEmail.Trim(), Purpose = Purpose?.Trim() ?? "",
        RevocationInstructions = RevocationInstructions ?? "Tell your coordinator, in writing or orally, at any time.",
        ExpiresOn = ExpiresOn, ExpiryEvent = ExpiryEvent, SignedBy = SignedBy?.Trim() ?? "", SignedAt = (SignedAt ?? now).ToUniversalTime(),
    };
}
