namespace CareFlow.Core.Care.Referrals;

public enum ProviderNotificationKind
{
    NewReferral,
    Reminder,
    Cancelled,
}
