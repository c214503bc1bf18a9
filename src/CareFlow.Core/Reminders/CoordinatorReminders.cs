using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Email;
using CareFlow.Core.Email.Templates;
using CareFlow.Core.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareFlow.Core.Reminders;

/// <summary>
/// The coordinator's reminders as scheduled outbox rows, queued in the caller's unit of work: a task's due reminder
/// <see cref="ReminderOptions.TaskDueLead"/> before its due time, a check-in's <see cref="ReminderOptions.CheckInLead"/>
/// before it is due. Whoever creates, completes, cancels or moves a task or check-in calls this with it: the pending
/// reminder is cancelled, and a new one is scheduled while the task is open (or the check-in has no outcome). The email
/// says only that something is due and links to /tasks or /cases/{caseId}: no client data.
/// </summary>
public sealed partial class CoordinatorReminders(
    ICareData data,
    IEmailOutbox outbox,
    ICoordinatorAddressBook addresses,
    EmailTemplates templates,
    IOptions<EmailOptions> emailOptions,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time,
    ILogger<CoordinatorReminders> logger)
{
    /// <summary>The outbox topic of a task's due reminder.</summary>
    public static string TaskTopic(Guid taskId) => $"reminder:task:{taskId:N}";

    /// <summary>The outbox topic of a check-in's reminder.</summary>
    public static string CheckInTopic(Guid checkInId) => $"reminder:check-in:{checkInId:N}";

    /// <summary>Brings the task's reminder in line with the task (new, completed, cancelled, overdue or moved).</summary>
    public async Task ForTaskAsync(CoordinatorTask task, CancellationToken cancellationToken = default)
    {
        await outbox.CancelPendingAsync(TaskTopic(task.Id), cancellationToken);
        // Supervisor-only reviews are not the case coordinator's: no reminder to them.
        var lead = reminderOptions.Value.TaskDueLead;
        if (task.Status != CoordinatorTaskStatus.Open || SupervisorTasks.IsSupervisorOnly(task.Kind) || lead <= TimeSpan.Zero) return;
        var email = templates.TaskDueReminder(task.DueAt, Link("/tasks"));
        await ScheduleAsync(task.CaseId, $"task:{task.Id:N}", TaskTopic(task.Id), task.DueAt, lead, email, cancellationToken);
    }

    /// <summary>Brings the check-in's reminder in line with the check-in (new, held, missed or moved).</summary>
    public async Task ForCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken = default)
    {
        await outbox.CancelPendingAsync(CheckInTopic(checkIn.Id), cancellationToken);
        if (checkIn.Outcome is not null) return;
        var email = templates.CheckInReminder(checkIn.DueAt, Link($"/cases/{checkIn.CaseId}"));
        await ScheduleAsync(checkIn.CaseId, $"check-in:{checkIn.Id:N}", CheckInTopic(checkIn.Id), checkIn.DueAt, reminderOptions.Value.CheckInLead, email, cancellationToken);
    }

    private async Task ScheduleAsync(Guid caseId, string subject, string topic, DateTimeOffset dueAt, TimeSpan lead, RenderedEmail email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (dueAt <= now) return; // already due: the overdue path (task, missed check-in) takes over
        var coordinator = (await data.FindAsync<Case>(c => c.Id == caseId, cancellationToken))?.CoordinatorId;
        var to = string.IsNullOrEmpty(coordinator) ? null : await addresses.FindAsync(coordinator, cancellationToken);
        if (to is null)
        {
            LogNoAddress(caseId);
            return;
        }

        var sendAfter = dueAt - lead > now ? dueAt - lead : now;

        // The due time is part of the key: a task moved to a new due time is a new reminder (the old one was cancelled).
        var key = OutboxKey.For(subject, $"due-reminder:{dueAt.UtcTicks}", to, email.Template, email.Version);
        try
        {
            await outbox.EnqueueAsync(new OutboxEmail(key, to, email, topic, SendAfter: sendAfter), cancellationToken);
        }
        catch (ArgumentException)
        {
            LogInvalidAddress(caseId);
        }
    }

    private string Link(string path) => emailOptions.Value.PublicBaseUrl.TrimEnd('/') + path;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No reminder email for case {CaseId}: its coordinator has no address (Email:CoordinatorAddresses).")]
    private partial void LogNoAddress(Guid caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No reminder email for case {CaseId}: the coordinator's address is not one valid mailbox.")]
    private partial void LogInvalidAddress(Guid caseId);
}
