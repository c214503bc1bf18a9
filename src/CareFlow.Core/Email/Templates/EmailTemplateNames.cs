namespace CareFlow.Core.Email.Templates;

/// <summary>Template names; each has one current version (part of the outbox key).</summary>
public static class EmailTemplateNames
{
    public const string NewReferral = "new-referral";
    public const string ProviderReminder = "provider-reminder";
    public const string ReferralCancelled = "referral-cancelled";
    public const string OneTimeCode = "one-time-code";
    public const string CoordinatorEscalation = "coordinator-escalation";
    public const string TaskDueReminder = "task-due-reminder";
    public const string CheckInReminder = "check-in-reminder";

    public const int Version = 1;
}
