namespace CareFlow.Core.Care.Referrals;

/// <summary>Structured reasons; they also feed the systemic-barrier report.</summary>
public enum ReferralStatusReason
{
    NotEligible,
    NoCapacity,
    Cost,
    CannotContactClient,
    ClientDeclined,
    Other,
}
