using CareFlow.Core.Care.Referrals;

namespace CareFlow.Core.ProviderLinks;

/// <summary>What the provider's page shows: the minimum-necessary referral facts, and which buttons apply.</summary>
/// <param name="Check">The token's verdict; anything but Valid shows only an error.</param>
/// <param name="ReferralId">The referral.</param>
/// <param name="Reference">Opaque reference.</param>
/// <param name="ProgramName">The provider's program.</param>
/// <param name="ResponseDueAt">When an answer is due.</param>
/// <param name="Status">The Task status.</param>
/// <param name="Link">The link row.</param>
public sealed record ProviderLinkPage(LinkCheck Check, Guid ReferralId, string Reference, string ProgramName, DateTimeOffset? ResponseDueAt,
    ReferralTaskStatus Status, ProviderLink? Link)
{
    public static ProviderLinkPage Refused(LinkCheck check) => new(check, Guid.Empty, "", "", null, ReferralTaskStatus.Draft, null);

    public bool CanDecide => Check == LinkCheck.Valid && Link?.DecidedAt is null && Status == ReferralTaskStatus.Requested;

    public bool CanStart => Check == LinkCheck.Valid && Link?.Decision == "accepted" && Link.StartedAt is null && Status == ReferralTaskStatus.Accepted;

    public bool CanComplete => Check == LinkCheck.Valid && Link?.Decision == "accepted" && Link.CompletedAt is null
        && Status is ReferralTaskStatus.Accepted or ReferralTaskStatus.InProgress;
}
