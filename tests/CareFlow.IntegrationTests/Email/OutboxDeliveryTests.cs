using CareFlow.Core.Email.Templates;
using CareFlow.Core.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Email;

[Collection(EmailCollectionDefinition.Name)]
public sealed class OutboxDeliveryTests(CareFlowApp<EmailApp> app)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private async Task<List<OutboxMessage>> EnqueueAsync(int count, string to = "Provider <intake@provider.test>")
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var run = Guid.NewGuid().ToString("N");
        await app.WithDbAsync(async (services, db) =>
        {
            var outbox = services.GetRequiredService<IEmailOutbox>();
            var templates = services.GetRequiredService<EmailTemplates>();
            for (var i = 0; i < count; i++)
            {
                var email = templates.OneTimeCode("123456", TimeSpan.FromMinutes(10));
                await outbox.EnqueueAsync(new OutboxEmail(OutboxKey.For($"test:{run}", $"step{i}", to, email.Template, email.Version), to, email), cancellationToken);
            }

            return await db.SaveChangesAsync(cancellationToken);
        });
        return await RowsAsync(run);
    }

    private Task<List<OutboxMessage>> RowsAsync(string run) =>
        app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Key.StartsWith($"test:{run}/")).OrderBy(m => m.Key).ToListAsync());

    private async Task<List<OutboxMessage>> WaitAllAsync(List<OutboxMessage> rows, OutboxStatus status, CancellationToken cancellationToken)
    {
        var run = rows[0].Key.Split('/')[0]["test:".Length..];
        return await Poll.UntilAsync(() => RowsAsync(run), r => r.All(m => m.Status == status), Deadline, $"{rows.Count} emails {status}", cancellationToken);
    }

    [Fact]
    public async Task Outbox_DeliversEachEmailOnce_OverOneReusedConnection()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await app.ResetAsync(cancellationToken);

        var rows = await EnqueueAsync(5);
        await WaitAllAsync(rows, OutboxStatus.Sent, cancellationToken);

        var received = await app.Options.Smtp.MessageIdsAsync(cancellationToken);
        Assert.All(rows, r => Assert.Equal(1, received.Count(id => id == r.MessageId)));
        var stats = await app.Options.Smtp.StatsAsync(cancellationToken);
        // Five messages, at most one new connection (the pooled one may even have survived from an earlier test).
        Assert.InRange(stats.GetProperty("connections").GetInt32(), 0, 1);
        var eml = await SmtpDump.WaitForAsync(app.SmtpDump, rows[0].MessageId, Deadline, cancellationToken);
        Assert.Equal("intake@provider.test", Assert.Single(eml.To.Mailboxes).Address);
    }

    [Fact]
    public async Task Outbox_DeliversEveryEmailExactlyOnce_WhenSmtpStopsAndRestarts()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await app.ResetAsync(cancellationToken);
        await app.Options.Smtp.StopListeningAsync(cancellationToken);
        try
        {
            var rows = await EnqueueAsync(4);
            var run = rows[0].Key.Split('/')[0]["test:".Length..];
            await Poll.UntilAsync(() => RowsAsync(run), r => r.All(m => m.Attempts >= 1 && m.Status == OutboxStatus.Pending && m.LastError != null),
                Deadline, "a failed first attempt", cancellationToken);
        }
        finally
        {
            await app.Options.Smtp.StartListeningAsync(cancellationToken);
        }

        var all = await app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().ToListAsync(cancellationToken));
        await WaitAllAsync(all, OutboxStatus.Sent, cancellationToken);
        var received = await app.Options.Smtp.MessageIdsAsync(cancellationToken);
        Assert.Equal(all.Select(r => r.MessageId).Order(), received.Order());
    }

    [Fact]
    public async Task Outbox_RetriesWithTheSameMessageId_After4xx()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await app.ResetAsync(cancellationToken);
        await app.Options.Smtp.ModeAsync("tempfail", cancellationToken, count: 1);

        var rows = await EnqueueAsync(1);
        var sent = await WaitAllAsync(rows, OutboxStatus.Sent, cancellationToken);

        Assert.Equal(2, sent[0].Attempts);
        Assert.Equal([rows[0].MessageId], await app.Options.Smtp.MessageIdsAsync(cancellationToken));
    }

    [Fact]
    public async Task Outbox_ResendsWithTheSameMessageId_WhenTheConnectionDropsAfterData()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await app.ResetAsync(cancellationToken);
        await app.Options.Smtp.ModeAsync("drop-after-data", cancellationToken, count: 1);

        var rows = await EnqueueAsync(1);
        await WaitAllAsync(rows, OutboxStatus.Sent, cancellationToken);

        // RFC 5321: the outcome after DATA was unknown, so the same message (same Message-ID) went again.
        Assert.Equal([rows[0].MessageId, rows[0].MessageId], await app.Options.Smtp.MessageIdsAsync(cancellationToken));
    }

    [Fact]
    public async Task Outbox_MarksFailedAndRunsTheFailurePath_On550()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await app.ResetAsync(cancellationToken);
        await app.Options.Smtp.ModeAsync("permfail", cancellationToken, count: 1);

        var rows = await EnqueueAsync(1);
        var failed = await WaitAllAsync(rows, OutboxStatus.Failed, cancellationToken);
        failed = await Poll.UntilAsync(() => RowsAsync(failed[0].Key.Split('/')[0]["test:".Length..]), r => r[0].FailureHandledAt != null, Deadline, "failure handled", cancellationToken);

        Assert.Equal(1, failed[0].Attempts);
        Assert.StartsWith("550", failed[0].LastError, StringComparison.Ordinal);
        Assert.Empty(await app.Options.Smtp.MessageIdsAsync(cancellationToken));
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("a@b.test\r\nBcc: victim@evil.test")]
    [InlineData("one@a.test, two@b.test")]
    public async Task Enqueue_RefusesARecipientThatIsNotOneMailbox(string to)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await app.ResetAsync(cancellationToken);
        await Assert.ThrowsAsync<ArgumentException>(() => EnqueueAsync(1, to));
        Assert.Empty(await app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().ToListAsync(cancellationToken)));
    }
}
