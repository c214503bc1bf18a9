namespace CareFlow.Core.ProviderLinks;

/// <summary>What checking a token found; anything but <see cref="Valid"/> changes nothing and shows a 4xx page.</summary>
public enum LinkCheck
{
    Valid,

    /// <summary>Not a token at all, a bad MAC, or a token for another purpose or referral: indistinguishable on purpose.</summary>
    Invalid,

    Expired,

    /// <summary>The link was revoked (referral cancelled, consent revoked).</summary>
    Revoked,
}
