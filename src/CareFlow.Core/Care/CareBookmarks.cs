namespace CareFlow.Core.Care;

/// <summary>Stable bookmark names of the CareFlow activities; the stimulus is the id named in each comment.</summary>
public static class CareBookmarks
{
    /// <summary>A coordinator completed a task (stimulus: task id).</summary>
    public const string TaskCompleted = "CareFlow.TaskCompleted";

    /// <summary>A task's due time passed (stimulus: task id; timer).</summary>
    public const string TaskOverdue = "CareFlow.TaskOverdue";

    /// <summary>The provider answered a referral (stimulus: referral id).</summary>
    public const string ProviderResponse = "CareFlow.ProviderResponse";

    /// <summary>Timer: remind the provider (stimulus: referral id).</summary>
    public const string ProviderReminder = "CareFlow.ProviderReminder";

    /// <summary>Timer: the provider's response deadline (stimulus: referral id).</summary>
    public const string ProviderDeadline = "CareFlow.ProviderDeadline";

    /// <summary>The referral reached a final status (stimulus: referral id).</summary>
    public const string ReferralFinished = "CareFlow.ReferralFinished";

    /// <summary>Timer: the referral did not finish in time (stimulus: referral id).</summary>
    public const string ReferralDeadline = "CareFlow.ReferralDeadline";

    /// <summary>A check-in's outcome was recorded (stimulus: check-in id).</summary>
    public const string CheckInRecorded = "CareFlow.CheckInRecorded";

    /// <summary>Timer: the check-in is due, remind the coordinator (stimulus: check-in id).</summary>
    public const string CheckInDue = "CareFlow.CheckInDue";

    /// <summary>Timer: the grace period after the due time passed; the check-in is missed (stimulus: check-in id).</summary>
    public const string CheckInMissed = "CareFlow.CheckInMissed";
}
