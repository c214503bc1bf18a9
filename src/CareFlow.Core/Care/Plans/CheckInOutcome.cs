namespace CareFlow.Core.Care.Plans;

/// <summary>What a check-in or follow-up found.</summary>
public enum CheckInOutcome
{
    Stable,
    Improving,
    NeedsSupport,
    ServiceReceived,
    ServiceNotReceived,
    Missed,
    Unreachable,

    /// <summary>Held, and the client is not yet stable (nothing more is claimed).</summary>
    Held,
}
