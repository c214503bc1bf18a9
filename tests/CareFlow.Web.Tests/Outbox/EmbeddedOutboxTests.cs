using CareFlow.Core.Email.Templates;
using CareFlow.Core.Outbox;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Outbox;

/// <summary>The embedded default (SQLite, .eml folder): batch claims, scheduled rows and cancellation on SQLite.</summary>
public sealed class EmbeddedOutboxTests(CareFlowApp<CareFlowAppOptions> factory) : IClassFixture<CareFlowApp<CareFlowAppOptions>>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Outbox_WritesEachEmailOnce_AndAScheduledOneOnlyWhenDue_AndNotACancelledOne()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _ = factory.Server;
        var run = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            var templates = scope.ServiceProvider.GetRequiredService<EmailTemplates>();
            for (var i = 0; i < 60; i++) await outbox.EnqueueAsync(Email(templates, run, $"now{i}", null), cancellationToken);
            await outbox.EnqueueAsync(Email(templates, run, "later", now + TimeSpan.FromSeconds(3)), cancellationToken);
            await outbox.EnqueueAsync(Email(templates, run, "cancelled", now + TimeSpan.FromSeconds(2)) with { Topic = $"cancel:{run}" }, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<CareFlowDbContext>().SaveChangesAsync(cancellationToken);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IEmailOutbox>().CancelPendingAsync($"cancel:{run}", cancellationToken);
            await scope.ServiceProvider.GetRequiredService<CareFlowDbContext>().SaveChangesAsync(cancellationToken);
        }

        var rows = await WaitAsync(run, r => r.Count(m => m.Status == OutboxStatus.Sent) == 61, cancellationToken);

        var later = rows.Single(r => r.Key.Contains("/later/", StringComparison.Ordinal));
        Assert.True(later.SentAt >= later.SendAfter, $"sent {later.SentAt:O} before its time {later.SendAfter:O}");
        Assert.Equal(OutboxStatus.Cancelled, rows.Single(r => r.Key.Contains("/cancelled/", StringComparison.Ordinal)).Status);
        Assert.All(rows.Where(r => r.Status == OutboxStatus.Sent), r => Assert.Equal(1, r.Attempts));
        var files = Directory.EnumerateFiles(Path.Combine(factory.DataDirectory, "outbox"), "*.eml").Select(File.ReadAllText).ToList();
        Assert.All(rows, r => Assert.Equal(r.Status == OutboxStatus.Sent ? 1 : 0, files.Count(f => f.Contains($"<{r.MessageId}>", StringComparison.Ordinal))));
    }

    private static OutboxEmail Email(EmailTemplates templates, string run, string step, DateTimeOffset? sendAfter)
    {
        var email = templates.OneTimeCode("123456", TimeSpan.FromMinutes(10));
        return new OutboxEmail(OutboxKey.For($"embedded:{run}", step, "intake@provider.test", email.Template, email.Version), "intake@provider.test", email, SendAfter: sendAfter);
    }

    private async Task<List<OutboxMessage>> WaitAsync(string run, Func<List<OutboxMessage>, bool> done, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<CareFlowDbContext>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Key.StartsWith($"embedded:{run}/")).ToListAsync(cancellationToken);
            if (done(rows)) return rows;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Outbox rows: {string.Join(", ", rows.GroupBy(r => r.Status).Select(g => $"{g.Key} {g.Count()}"))}");
            await Task.Delay(100, cancellationToken);
        }
    }
}
