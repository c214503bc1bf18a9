namespace CareFlow.Core.Care.Screening;

public enum NeedStatus
{
    Open,
    Referred,
    Met,
    Declined,
}
