namespace CareFlow.Core.Care.Referrals;

public enum ReferralParty
{
    /// <summary>The coordinator who asked.</summary>
    Requester,

    /// <summary>The provider who answers.</summary>
    Performer,
}
