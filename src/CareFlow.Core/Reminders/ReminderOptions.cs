namespace CareFlow.Core.Reminders;

/// <summary>When coordinators are reminded, bound to the "Reminders" section.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>How long before a task's due time its coordinator is emailed (0: no task reminders).</summary>
    public TimeSpan TaskDueLead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before a check-in's due time its coordinator is emailed (0: at the due time).</summary>
    public TimeSpan CheckInLead { get; set; } = TimeSpan.Zero;
}
