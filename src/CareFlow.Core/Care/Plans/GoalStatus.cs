namespace CareFlow.Core.Care.Plans;

public enum GoalStatus
{
    Active,
    Achieved,
    Dropped,
}
