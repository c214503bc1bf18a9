namespace CareFlow.Core.Care.Rights;

/// <summary>Everything the client rights-and-options summary shows for one case.</summary>
public sealed record RightsSummary(
    string ClientGivenName,
    DateTimeOffset PreparedAt,
    IReadOnlyList<ConsentLine> Consents,
    IReadOnlyList<DisclosureLine> Disclosures,
    IReadOnlyList<ReferralLine> Referrals,
    IReadOnlyList<AlternativeLine> Alternatives);
