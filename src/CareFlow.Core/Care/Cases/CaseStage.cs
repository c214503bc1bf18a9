namespace CareFlow.Core.Care.Cases;

public enum CaseStage
{
    Intake,
    Stabilization,
    Referral,
    FollowUp,
    Closed,
}
