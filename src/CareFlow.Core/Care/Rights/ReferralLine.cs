namespace CareFlow.Core.Care.Rights;

/// <summary>One referral: the service, its organisation, and what its status means.</summary>
public sealed record ReferralLine(string Service, string Organization, string Status, string Meaning, DateTimeOffset RequestedAt);
