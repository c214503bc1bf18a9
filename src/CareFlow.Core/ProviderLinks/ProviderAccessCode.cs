using System.Security.Cryptography;
using System.Text;

namespace CareFlow.Core.ProviderLinks;

/// <summary>A one-time code emailed to the provider before client details are shown; only its hash is stored.</summary>
public sealed class ProviderAccessCode
{
    public Guid Id { get; set; }

    public Guid LinkId { get; set; }

    /// <summary>HMAC-SHA256 of the code under a per-row salt.</summary>
    public string CodeHash { get; set; } = "";

    public string Salt { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>
    /// Entries checked against this code. Each entry takes one in the database before it is compared (so the right
    /// code counts too); none is compared once it reaches <see cref="ProviderLinkOptions.CodeMaxAttempts"/>.
    /// </summary>
    public int FailedAttempts { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>The stored form of <paramref name="code"/>: HMAC-SHA256 under <paramref name="salt"/>, lower-case hex.</summary>
    public static string Hash(byte[] salt, string code) => Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.ASCII.GetBytes(code)));
}
