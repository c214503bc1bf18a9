using System.Buffers.Binary;
using System.Security.Cryptography;
using CareFlow.Core.ProviderLinks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace CareFlow.Infrastructure.ProviderLinks;

/// <summary>
/// Tokens are <c>{referralId}.{payload}</c>, the payload protected by ASP.NET Core Data Protection under the purpose
/// chain ("CareFlow.ProviderLink.v1", "respond", referral id). Data Protection authenticates before it decrypts (the MAC
/// is verified first), its keys live in the database (EfXmlRepository) so links survive restarts and work on every
/// node, and keys rotate without breaking links still in flight. Because the referral id is part of the purpose, a
/// token edited to point at another referral, or made for another purpose, fails the MAC. The payload is the link's
/// random id (CSPRNG) and the expiry, checked against the injected clock.
/// </summary>
public sealed class DataProtectionProviderLinkTokens(IDataProtectionProvider provider, TimeProvider time) : IProviderLinkTokens
{
    private const string Purpose = "CareFlow.ProviderLink.v1";
    private const string Respond = "respond";

    public string Issue(ProviderLink link, DateTimeOffset expiresAt)
    {
        var payload = new byte[24];
        link.Id.TryWriteBytes(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), expiresAt.UtcTicks);
        var protectedPayload = Protector(link.ReferralId).Protect(payload);
        return $"{link.ReferralId:N}.{WebEncoders.Base64UrlEncode(protectedPayload)}";
    }

    public LinkCheck Read(string token, out Guid referralId, out Guid linkId)
    {
        referralId = Guid.Empty;
        linkId = Guid.Empty;
        if (string.IsNullOrEmpty(token) || token.Length > 1024) return LinkCheck.Invalid;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot != 32 || !Guid.TryParseExact(token.AsSpan(0, 32), "N", out var claimedReferral)) return LinkCheck.Invalid;
        byte[] payload;
        try
        {
            payload = Protector(claimedReferral).Unprotect(WebEncoders.Base64UrlDecode(token, dot + 1, token.Length - dot - 1));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return LinkCheck.Invalid;
        }

        if (payload.Length != 24) return LinkCheck.Invalid;
        var expires = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)), TimeSpan.Zero);
        referralId = claimedReferral;
        linkId = new Guid(payload.AsSpan(0, 16));
        return expires <= time.GetUtcNow() ? LinkCheck.Expired : LinkCheck.Valid;
    }

    private IDataProtector Protector(Guid referralId) => provider.CreateProtector(Purpose, Respond, referralId.ToString("N"));
}
