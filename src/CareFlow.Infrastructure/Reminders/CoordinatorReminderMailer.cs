using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Email;
using CareFlow.Core.Email.Templates;
using CareFlow.Core.Outbox;
using CareFlow.Core.Reminders;
using CareFlow.Infrastructure.Outbox;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareFlow.Infrastructure.Reminders;

/// <summary>
/// Coordinator reminders as scheduled outbox rows, written in the same SaveChanges (hence transaction) as the task or
/// check-in they are about: a task due reminder <see cref="ReminderOptions.TaskDueLead"/> before its due time, and a
/// check-in reminder <see cref="ReminderOptions.CheckInLead"/> before the check-in is due. The due time lives in the
/// row (<see cref="OutboxMessage.NextAttemptAt"/>); the outbox arms it (in process and as a Hangfire delayed job),
/// re-arms it at start-up, and sends it once. Completing or cancelling the task, recording the check-in, or moving
/// the due time cancels the pending row in the same transaction. The email says only that something is due and
/// links to /tasks or /cases/{caseId}: no client data (domain.md §6).
/// </summary>
public sealed partial class CoordinatorReminderMailer(
    IServiceScopeFactory scopes,
    EmailTemplates templates,
    IOptions<EmailOptions> emailOptions,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time,
    ILogger<CoordinatorReminderMailer> logger) : ISaveChangesInterceptor
{
    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CareFlowDbContext db) await ProcessAsync(db, cancellationToken);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CareFlowDbContext db) ProcessAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task ProcessAsync(CareFlowDbContext db, CancellationToken cancellationToken)
    {
        var tasks = db.ChangeTracker.Entries<CoordinatorTask>().Where(e => e.State is EntityState.Added
            || (e.State == EntityState.Modified && (e.Property(t => t.Status).IsModified || e.Property(t => t.DueAt).IsModified))
            || e.State == EntityState.Deleted).ToList();
        var checkIns = db.ChangeTracker.Entries<CheckIn>().Where(e => e.State is EntityState.Added
            || (e.State == EntityState.Modified && (e.Property(c => c.Outcome).IsModified || e.Property(c => c.DueAt).IsModified))
            || e.State == EntityState.Deleted).ToList();
        if (tasks.Count == 0 && checkIns.Count == 0) return;

        var outbox = new EfEmailOutbox(db, emailOptions, time);
        var options = reminderOptions.Value;
        foreach (var entry in tasks)
        {
            var task = entry.Entity;
            if (entry.State != EntityState.Added) await CancelAsync(db, TaskTopic(task.Id), cancellationToken);
            // Supervisor-only reviews are not the case coordinator's: no reminder to them.
            var open = task.Status is CoordinatorTaskStatus.Open && entry.State != EntityState.Deleted && !SupervisorTasks.IsSupervisorOnly(task.Kind);
            if (!open || options.TaskDueLead <= TimeSpan.Zero) continue;
            var email = templates.TaskDueReminder(task.DueAt, Link("/tasks"));
            await ScheduleAsync(db, outbox, task.CaseId, $"task:{task.Id:N}", TaskTopic(task.Id), task.DueAt, options.TaskDueLead, email, cancellationToken);
        }

        foreach (var entry in checkIns)
        {
            var checkIn = entry.Entity;
            if (entry.State != EntityState.Added) await CancelAsync(db, CheckInTopic(checkIn.Id), cancellationToken);
            if (checkIn.Outcome is not null || entry.State == EntityState.Deleted) continue;
            var email = templates.CheckInReminder(checkIn.DueAt, Link($"/cases/{checkIn.CaseId}"));
            await ScheduleAsync(db, outbox, checkIn.CaseId, $"check-in:{checkIn.Id:N}", CheckInTopic(checkIn.Id), checkIn.DueAt, options.CheckInLead, email, cancellationToken);
        }
    }

    private async Task ScheduleAsync(
        CareFlowDbContext db, EfEmailOutbox outbox, Guid caseId, string subject, string topic, DateTimeOffset dueAt, TimeSpan lead, RenderedEmail email,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (dueAt <= now) return; // already due: the overdue path (task, missed check-in) takes over
        var coordinator = db.Set<Case>().Local.FirstOrDefault(c => c.Id == caseId)?.CoordinatorId
            ?? await db.Set<Case>().AsNoTracking().Where(c => c.Id == caseId).Select(c => c.CoordinatorId).FirstOrDefaultAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var to = string.IsNullOrEmpty(coordinator) ? null
            : await scope.ServiceProvider.GetRequiredService<ICoordinatorAddressBook>().FindAsync(coordinator, cancellationToken);
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

    private static async Task CancelAsync(CareFlowDbContext db, string topic, CancellationToken cancellationToken)
    {
        foreach (var row in db.Set<OutboxMessage>().Local.Where(m => m.Topic == topic && m.Status == OutboxStatus.Pending).ToList())
        {
            db.Remove(row); // queued in this same unit of work: never written
        }

        var pending = await db.Set<OutboxMessage>().Where(m => m.Topic == topic && m.Status == OutboxStatus.Pending).ToListAsync(cancellationToken);
        foreach (var row in pending) row.Status = OutboxStatus.Cancelled;
    }

    private string Link(string path) => emailOptions.Value.PublicBaseUrl.TrimEnd('/') + path;

    /// <summary>The outbox topic of a task's due reminder.</summary>
    public static string TaskTopic(Guid taskId) => $"reminder:task:{taskId:N}";

    /// <summary>The outbox topic of a check-in's reminder.</summary>
    public static string CheckInTopic(Guid checkInId) => $"reminder:check-in:{checkInId:N}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "No reminder email for case {CaseId}: its coordinator has no address (Email:CoordinatorAddresses).")]
    private partial void LogNoAddress(Guid caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No reminder email for case {CaseId}: the coordinator's address is not one valid mailbox.")]
    private partial void LogInvalidAddress(Guid caseId);
}
