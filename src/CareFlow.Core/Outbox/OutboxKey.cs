using System.Security.Cryptography;
using System.Text;

namespace CareFlow.Core.Outbox;

/// <summary>Idempotency keys and the Message-ID derived from them.</summary>
public static class OutboxKey
{
    /// <summary>instance / step / recipient / template@version, lower-cased recipient so case variants are one email.</summary>
    public static string For(string instance, string step, string recipient, string template, int templateVersion) =>
        $"{instance}/{step}/{recipient.Trim().ToLowerInvariant()}/{template}@{templateVersion}";

    /// <summary>A Message-ID that depends only on the key: a resend of the same email carries the same id.</summary>
    public static string MessageId(string key, string domain)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"{Convert.ToHexStringLower(hash.AsSpan(0, 20))}@{domain}";
    }
}
