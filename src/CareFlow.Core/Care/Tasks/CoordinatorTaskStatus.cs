namespace CareFlow.Core.Care.Tasks;

public enum CoordinatorTaskStatus
{
    Open,
    Overdue,
    Completed,
    Cancelled,
}
