using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Outbox;
using CareFlow.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CareFlow.IntegrationTests.Email;

/// <summary>Task-due and check-in reminders to the coordinator: once, before the due time, no client data, cancelled when done.</summary>
[Collection(EmailCollectionDefinition.Name)]
public sealed class CoordinatorReminderTests(CareFlowApp<EmailApp> app)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Reminders_ReachTheCoordinatorBeforeTheDueTime_WithoutClientData_AndNotWhenDoneFirst()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await app.ResetAsync(cancellationToken);
        var referral = new ReferralFixture();
        var now = DateTimeOffset.UtcNow;
        var (due, done) = (new CoordinatorTask(), new CoordinatorTask());
        var (checkIn, held) = (new CheckIn(), new CheckIn());
        await app.WithDbAsync(async (services, db) =>
        {
            await referral.SeedAsync(db, now, cancellationToken);
            due = Task(referral.CaseId, now + TimeSpan.FromSeconds(6), $"Call {ReferralFixture.GivenName} {ReferralFixture.FamilyName} at {ReferralFixture.Phone}");
            done = Task(referral.CaseId, now + TimeSpan.FromSeconds(4), "Check the housing paperwork");
            checkIn = CheckIn(referral.CaseId, now + TimeSpan.FromSeconds(4), $"seventh-day visit with {ReferralFixture.GivenName}");
            held = CheckIn(referral.CaseId, now + TimeSpan.FromSeconds(2), "day 3");
            db.AddRange(due, done, checkIn, held);
            var reminders = services.GetRequiredService<CoordinatorReminders>();
            foreach (var task in new[] { due, done }) await reminders.ForTaskAsync(task, cancellationToken);
            foreach (var visit in new[] { checkIn, held }) await reminders.ForCheckInAsync(visit, cancellationToken);
            return await db.SaveChangesAsync(cancellationToken);
        });

        // Done before their reminders are due (2 s earlier than the others'): their rows are cancelled in the same commit.
        await app.WithDbAsync(async (services, db) =>
        {
            var reminders = services.GetRequiredService<CoordinatorReminders>();
            var task = await db.Set<CoordinatorTask>().SingleAsync(t => t.Id == done.Id, cancellationToken);
            task.Status = CoordinatorTaskStatus.Completed;
            task.CompletedAt = DateTimeOffset.UtcNow;
            await reminders.ForTaskAsync(task, cancellationToken);
            var recorded = await db.Set<CheckIn>().SingleAsync(c => c.Id == held.Id, cancellationToken);
            recorded.Outcome = CheckInOutcome.Stable;
            recorded.HeldAt = DateTimeOffset.UtcNow;
            await reminders.ForCheckInAsync(recorded, cancellationToken);
            return await db.SaveChangesAsync(cancellationToken);
        });

        var sent = await Poll.UntilAsync(
            () => RowsAsync(CoordinatorReminders.TaskTopic(due.Id), CoordinatorReminders.CheckInTopic(checkIn.Id)),
            r => r.Count == 2 && r.All(m => m.Status == OutboxStatus.Sent), Deadline, "both reminders sent", cancellationToken);
        var taskRow = sent.Single(r => r.Topic == CoordinatorReminders.TaskTopic(due.Id));
        var checkInRow = sent.Single(r => r.Topic == CoordinatorReminders.CheckInTopic(checkIn.Id));
        Assert.True(taskRow.SentAt >= due.DueAt - TimeSpan.FromSeconds(2), "the task reminder went out before its time");
        Assert.True(taskRow.SentAt < due.DueAt + TimeSpan.FromSeconds(3), $"the task reminder came late: {taskRow.SentAt:O} for {due.DueAt:O}");
        Assert.True(checkInRow.SentAt >= checkIn.DueAt, "the check-in reminder went out before its time");

        var taskEmail = await SmtpDump.WaitForAsync(app.SmtpDump, taskRow.MessageId, Deadline, cancellationToken);
        var checkInEmail = await SmtpDump.WaitForAsync(app.SmtpDump, checkInRow.MessageId, Deadline, cancellationToken);
        Assert.Equal(EmailApp.CoordinatorAddress, Assert.Single(taskEmail.To.Mailboxes).Address);
        Assert.Equal(EmailApp.CoordinatorAddress, Assert.Single(checkInEmail.To.Mailboxes).Address);
        Assert.Contains($"{EmailApp.PublicBaseUrl}/tasks", taskEmail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{EmailApp.PublicBaseUrl}/cases/{referral.CaseId}", checkInEmail.TextBody, StringComparison.Ordinal);
        Assert.Equal(taskRow.SendAfter!.Value.ToUnixTimeSeconds(), taskEmail.Date.ToUnixTimeSeconds());
        foreach (var email in new[] { taskEmail, checkInEmail })
        {
            var raw = await RawAsync(email, cancellationToken);
            Assert.All(ReferralFixture.ClientData.Append("seventh-day").Append("paperwork"), planted => Assert.DoesNotContain(planted, raw, StringComparison.OrdinalIgnoreCase));
        }

        var cancelled = await RowsAsync(CoordinatorReminders.TaskTopic(done.Id), CoordinatorReminders.CheckInTopic(held.Id));
        Assert.Equal(2, cancelled.Count);
        Assert.All(cancelled, r => Assert.Equal(OutboxStatus.Cancelled, r.Status));
        var received = await app.Options.Smtp.MessageIdsAsync(cancellationToken);
        Assert.All(sent, r => Assert.Equal(1, received.Count(id => id == r.MessageId)));
        Assert.All(cancelled, r => Assert.DoesNotContain(r.MessageId, received));
    }

    [Fact]
    public async Task TaskMovedToANewDueTime_IsRemindedOnceAtTheNewTime()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await app.ResetAsync(cancellationToken);
        var referral = new ReferralFixture();
        var now = DateTimeOffset.UtcNow;
        var task = Task(referral.CaseId, now + TimeSpan.FromHours(5), "General follow-up");
        await app.WithDbAsync(async (services, db) =>
        {
            await referral.SeedAsync(db, now, cancellationToken);
            db.Add(task);
            await services.GetRequiredService<CoordinatorReminders>().ForTaskAsync(task, cancellationToken);
            return await db.SaveChangesAsync(cancellationToken);
        });
        await app.WithDbAsync(async (services, db) =>
        {
            var moved = await db.Set<CoordinatorTask>().SingleAsync(t => t.Id == task.Id, cancellationToken);
            moved.DueAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3);
            await services.GetRequiredService<CoordinatorReminders>().ForTaskAsync(moved, cancellationToken);
            return await db.SaveChangesAsync(cancellationToken);
        });

        var rows = await Poll.UntilAsync(() => RowsAsync(CoordinatorReminders.TaskTopic(task.Id)), r => r.Any(m => m.Status == OutboxStatus.Sent),
            Deadline, "the moved reminder sent", cancellationToken);

        Assert.Equal([OutboxStatus.Cancelled, OutboxStatus.Sent], rows.OrderBy(r => r.CreatedAt).Select(r => r.Status));
        var received = await app.Options.Smtp.MessageIdsAsync(cancellationToken);
        Assert.Equal(1, received.Count(id => id == rows.Single(r => r.Status == OutboxStatus.Sent).MessageId));
    }

    private Task<List<OutboxMessage>> RowsAsync(params string[] topics) =>
        app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().Where(m => topics.Contains(m.Topic!)).ToListAsync());

    private static async Task<string> RawAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await message.WriteToAsync(stream, cancellationToken);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + message.TextBody + message.HtmlBody;
    }

    internal static CoordinatorTask Task(Guid caseId, DateTimeOffset dueAt, string title) => new()
    {
        Id = Guid.NewGuid(), CaseId = caseId, Kind = CoordinatorTaskKind.General, Title = title, CreatedAt = DateTimeOffset.UtcNow, DueAt = dueAt,
        Status = CoordinatorTaskStatus.Open,
    };

    private static CheckIn CheckIn(Guid caseId, DateTimeOffset dueAt, string label) => new()
    {
        Id = Guid.NewGuid(), CaseId = caseId, Kind = CheckInKind.FollowUp, Label = label, DueAt = dueAt,
    };
}
