using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Email.Templates;
using CareFlow.Core.Outbox;
using CareFlow.Core.Reminders;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Core.Workflows;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareFlow.IntegrationTests.Email;

/// <summary>Its own database and hosts, so that no other CareFlow host sends the reminders while "down".</summary>
[CollectionDefinition(Name)]
public sealed class ReminderRestartGroup
{
    public const string Name = "reminder-restart";
}

/// <summary>
/// Reminders pending across a restart: a provider reminder (a workflow timer) and two task-due
/// reminders (scheduled outbox rows) are written by one host, which stops; their due times come while no host runs;
/// a new host on the same PostgreSQL sends each exactly once (counted by Message-ID at the SMTP server), and not the
/// one whose task was completed after the restart.
/// </summary>
[Collection(ReminderRestartGroup.Name)]
public sealed class ReminderRestartTests
{
    private const string DefinitionId = "provider-reminder-restart";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task PendingReminders_FireOnceAfterARestart_AndNotForATaskCompletedMeanwhile()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var dump = await TestEnvironment.RequireSmtpAsync(cancellationToken);
        using var smtp = new SmtpControl();
        await smtp.ResetAsync(cancellationToken);
        await using var database = await TestDatabase.CreateAsync("reminders", cancellationToken);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "careflow-reminder-restart", Guid.NewGuid().ToString("N"));
        var referral = new ReferralFixture();
        var now = DateTimeOffset.UtcNow;
        var remindLater = CoordinatorReminderTests.Task(referral.CaseId, now + TimeSpan.FromHours(2), "Visit the shelter");
        var completeAfterRestart = CoordinatorReminderTests.Task(referral.CaseId, now + TimeSpan.FromHours(2), "Call the landlord");
        string instanceId;

        // Host 1: the referral waits for the provider (reminder timer one business day out); two tasks due in 2 hours.
        await using (var first = CareFlowApp.Create(EmailApp.On(database.ConnectionString, dataDirectory)))
        {
            instanceId = await first.WithServicesAsync(async services =>
            {
                var db = services.GetRequiredService<CareFlowDbContext>();
                await referral.SeedAsync(db, now, cancellationToken);
                db.AddRange(remindLater, completeAfterRestart);
                foreach (var task in new[] { remindLater, completeAfterRestart }) await services.GetRequiredService<CoordinatorReminders>().ForTaskAsync(task, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await services.GetRequiredService<WorkflowDefinitionService>().SaveAsync(WaitForProvider(referral.ReferralId), publish: true, new ValidationOptions(), cancellationToken);
                var state = await services.GetRequiredService<IWorkflowRuntime>().StartAsync(DefinitionId, VersionOptions.Published, new StartWorkflowRequest(), cancellationToken);
                Assert.Equal(WorkflowSubStatus.Suspended, state!.SubStatus);
                return state.Id;
            });
        }

        // Down: nothing was sent, the reminders are in the database. Their due times come now (time passes).
        Assert.Empty(await smtp.MessageIdsAsync(cancellationToken));
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            Assert.Equal(1, await ExecuteAsync(connection, "UPDATE workflows.bookmarks SET resume_at = now() + interval '2 seconds' WHERE instance_id = $1 AND name = $2", instanceId, CareBookmarks.ProviderReminder));
            Assert.Equal(1, await ExecuteAsync(connection, "UPDATE careflow.outbox_messages SET next_attempt_at = now() + interval '2 seconds' WHERE topic = $1 AND status = 'Pending'", CoordinatorReminders.TaskTopic(remindLater.Id)));
            Assert.Equal(1, await ExecuteAsync(connection, "UPDATE careflow.outbox_messages SET next_attempt_at = now() + interval '15 seconds' WHERE topic = $1 AND status = 'Pending'", CoordinatorReminders.TaskTopic(completeAfterRestart.Id)));
        }

        var completedTopic = CoordinatorReminders.TaskTopic(completeAfterRestart.Id);
        var cutoff = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15);

        // Host 2 on the same database: re-arms both kinds at start-up; the coordinator completes one task at once.
        await using var second = CareFlowApp.Create(EmailApp.On(database.ConnectionString, dataDirectory));
        await second.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CareFlowDbContext>();
            var task = await db.Set<CoordinatorTask>().SingleAsync(t => t.Id == completeAfterRestart.Id, cancellationToken);
            task.Status = CoordinatorTaskStatus.Completed;
            task.CompletedAt = DateTimeOffset.UtcNow;
            await services.GetRequiredService<CoordinatorReminders>().ForTaskAsync(task, cancellationToken);
            return await db.SaveChangesAsync(cancellationToken);
        });
        Assert.True(DateTimeOffset.UtcNow < cutoff, "the task was completed only after its reminder was due; the test cannot tell");

        var providerTemplate = $"{EmailTemplateNames.ProviderReminder}@{EmailTemplateNames.Version}";
        var sent = await Poll.UntilAsync(
            () => second.WithServicesAsync(services => services.GetRequiredService<CareFlowDbContext>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Sent).ToListAsync(cancellationToken)),
            rows => rows.Any(r => r.Template == providerTemplate) && rows.Any(r => r.Topic == CoordinatorReminders.TaskTopic(remindLater.Id)),
            Deadline, "the provider reminder and the task reminder sent", cancellationToken);

        // Past the completed task's former reminder time, with a margin of sweeps.
        await Poll.UntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow), t => t > cutoff + TimeSpan.FromSeconds(3), Deadline, "the cancelled reminder's time", cancellationToken);
        var rows = await second.WithServicesAsync(services => services.GetRequiredService<CareFlowDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync(cancellationToken));
        var received = await smtp.MessageIdsAsync(cancellationToken);
        var provider = Assert.Single(rows, r => r.Template == providerTemplate);
        var task = Assert.Single(rows, r => r.Topic == CoordinatorReminders.TaskTopic(remindLater.Id));
        var cancelled = Assert.Single(rows, r => r.Topic == completedTopic);
        Assert.Equal(1, received.Count(id => id == provider.MessageId));
        Assert.Equal(1, received.Count(id => id == task.MessageId));
        Assert.Equal(OutboxStatus.Cancelled, cancelled.Status);
        Assert.DoesNotContain(cancelled.MessageId, received);
        Assert.Equal(2, received.Count);
        Assert.Equal(ReferralFixture.ProviderEmail, Assert.Single((await SmtpDump.WaitForAsync(dump, provider.MessageId, Deadline, cancellationToken)).To.Mailboxes).Address);
        Assert.Equal(EmailApp.CoordinatorAddress, Assert.Single((await SmtpDump.WaitForAsync(dump, task.MessageId, Deadline, cancellationToken)).To.Mailboxes).Address);
        if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Waits for the provider with the referral workflow's own activity (reminder after 1 business day, deadline 2).</summary>
    private static JsonObject WaitForProvider(Guid referralId) => new()
    {
        ["definitionId"] = DefinitionId,
        ["name"] = DefinitionId,
        ["version"] = 1,
        ["variables"] = new JsonArray(),
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["activities"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "wait", ["nodeId"] = "Workflow1:flowchart:wait", ["type"] = "CareFlow.WaitForProviderResponse", ["version"] = 1, ["name"] = "wait",
                    ["referralId"] = Literal(referralId.ToString(), "String"),
                    ["deadlineBusinessDays"] = Literal(2, "Int32"),
                    ["reminderBusinessDays"] = Literal(1, "Int32"),
                },
                new JsonObject { ["id"] = "end", ["nodeId"] = "Workflow1:flowchart:end", ["type"] = "Elsa.End", ["version"] = 1, ["name"] = "end" }),
            ["connections"] = new JsonArray(
                Connect("wait", "end", "Accepted"), Connect("wait", "end", "Rejected"), Connect("wait", "end", "TimedOut")),
        },
    };

    private static JsonObject Literal(JsonNode value, string typeName) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Connect(string from, string to, string port) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };
}
