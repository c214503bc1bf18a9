namespace CareFlow.Core.Care.Cases;

public enum CaseStatus
{
    Open,
    Blocked,
    Closed,
}
