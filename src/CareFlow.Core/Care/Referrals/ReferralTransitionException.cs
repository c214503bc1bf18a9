namespace CareFlow.Core.Care.Referrals;

/// <summary>
/// A status change the referral's current status does not allow (<see cref="ReferralStatusRules.CanMove"/>): the
/// request was well formed but conflicts with the referral's state, so it is answered 409 and nothing changes.
/// </summary>
public sealed class ReferralTransitionException : Exception
{
    public ReferralTransitionException()
    {
    }

    public ReferralTransitionException(string message)
        : base(message)
    {
    }

    public ReferralTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReferralTransitionException(ReferralTaskStatus from, ReferralTaskStatus to)
        : base($"A referral that is {ReferralStatusRules.Code(from)} cannot become {ReferralStatusRules.Code(to)}.")
    {
        From = from;
        To = to;
    }

    /// <summary>The referral's status when the change was asked for.</summary>
    public ReferralTaskStatus From { get; }

    /// <summary>The status asked for.</summary>
    public ReferralTaskStatus To { get; }
}
