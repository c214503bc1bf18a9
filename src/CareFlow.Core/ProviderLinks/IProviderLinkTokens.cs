namespace CareFlow.Core.ProviderLinks;

/// <summary>Signs and verifies provider link tokens (MAC first, then expiry; the database check comes after).</summary>
public interface IProviderLinkTokens
{
    /// <summary>A URL-safe token for <paramref name="link"/>, valid until <paramref name="expiresAt"/>.</summary>
    string Issue(ProviderLink link, DateTimeOffset expiresAt);

    /// <summary>Verifies the signature and expiry; on success gives the referral and link ids inside.</summary>
    LinkCheck Read(string token, out Guid referralId, out Guid linkId);
}
