namespace CareFlow.Core.Care.Plans;

public enum CheckInKind
{
    Stabilization,
    FollowUp,
}
