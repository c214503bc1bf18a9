using System.Net;
using System.Text.Json.Nodes;
using CareFlow.Core.Email.Templates;
using CareFlow.Core.Outbox;
using CareFlow.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Email;

/// <summary>SMTP authentication errors stop the queue: no email burns an attempt or fails.</summary>
[Collection(EmailCollectionDefinition.Name)]
public sealed class OutboxPauseTests(CareFlowApp<EmailApp> app)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Outbox_Pauses_On530_KeepsEveryEmailPending_ReportsDegraded_AndResumesByAdminPost()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await app.ResetAsync(cancellationToken);
        var pause = app.Services.GetRequiredService<OutboxPause>();
        pause.Resume();
        await app.Options.Smtp.ModeAsync("authfail", cancellationToken);
        try
        {
            var run = Guid.NewGuid().ToString("N");
            await app.WithDbAsync(async (services, db) =>
            {
                var outbox = services.GetRequiredService<IEmailOutbox>();
                var templates = services.GetRequiredService<EmailTemplates>();
                for (var i = 0; i < 3; i++)
                {
                    var email = templates.OneTimeCode("123456", TimeSpan.FromMinutes(10));
                    await outbox.EnqueueAsync(new OutboxEmail(OutboxKey.For($"pause:{run}", $"step{i}", "intake@provider.test", email.Template, email.Version), "intake@provider.test", email), cancellationToken);
                }

                return await db.SaveChangesAsync(cancellationToken);
            });

            await Poll.UntilAsync(() => Task.FromResult(pause.IsPaused), p => p, Deadline, "the outbox to pause", cancellationToken);
            Assert.StartsWith("authentication required", pause.Reason, StringComparison.Ordinal);

            // Some sweeps later: still pending, no attempt counted, nothing failed, the server refused once per pause.
            await Poll.UntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow - pause.Since!.Value), d => d > TimeSpan.FromSeconds(3), Deadline, "three sweeps", cancellationToken);
            var rows = await app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Key.StartsWith($"pause:{run}/")).ToListAsync(cancellationToken));
            Assert.Equal(3, rows.Count);
            Assert.All(rows, r => Assert.Equal((OutboxStatus.Pending, 0, (DateTimeOffset?)null), (r.Status, r.Attempts, r.FailedAt)));
            Assert.Equal(1, (await app.Options.Smtp.StatsAsync(cancellationToken)).GetProperty("authfailed").GetInt32());

            using var anonymous = app.CreateClient();
            var health = JsonNode.Parse(await anonymous.GetStringAsync(new Uri("/health", UriKind.Relative), cancellationToken))!;
            Assert.Equal("Degraded", (string?)health["entries"]!["outbox"]!["status"]);
            Assert.Contains("paused", (string?)health["entries"]!["outbox"]!["description"], StringComparison.Ordinal);

            // The admin page shows the reason; a POST without the anti-forgery token changes nothing.
            await app.Options.Smtp.ModeAsync("ok", cancellationToken);
            using var admin = await app.SignInAdminAsync(cancellationToken);
            var page = await admin.GetStringAsync(new Uri("/admin/outbox", UriKind.Relative), cancellationToken);
            Assert.Contains("Email delivery is paused", page, StringComparison.Ordinal);
            using (var forged = await admin.PostAsync(new Uri("/admin/outbox?handler=Resume", UriKind.Relative), new FormUrlEncodedContent([]), cancellationToken))
            {
                Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            }

            Assert.True(pause.IsPaused);
            using (var resume = await admin.PostAsync(new Uri("/admin/outbox?handler=Resume", UriKind.Relative), new FormUrlEncodedContent([Forms.TokenPair(page)]), cancellationToken))
            {
                Assert.Equal(HttpStatusCode.Redirect, resume.StatusCode);
            }

            Assert.False(pause.IsPaused);
            var sent = await Poll.UntilAsync(
                () => app.WithDbAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Key.StartsWith($"pause:{run}/")).ToListAsync(cancellationToken)),
                r => r.All(m => m.Status == OutboxStatus.Sent), Deadline, "the emails to be sent after the resume", cancellationToken);
            var received = await app.Options.Smtp.MessageIdsAsync(cancellationToken);
            Assert.All(sent, r => Assert.Equal((1, 1), (r.Attempts, received.Count(id => id == r.MessageId))));
            health = JsonNode.Parse(await anonymous.GetStringAsync(new Uri("/health", UriKind.Relative), cancellationToken))!;
            Assert.Equal("Healthy", (string?)health["entries"]!["outbox"]!["status"]);
        }
        finally
        {
            // Cleanup must not hide the test's own failure; the next test resets the server anyway.
            pause.Resume();
            try
            {
                await app.Options.Smtp.ModeAsync("ok", CancellationToken.None);
            }
            catch (HttpRequestException ex)
            {
                TestContext.Current.SendDiagnosticMessage($"Resetting the SMTP mode failed: {ex.Message}");
            }
        }
    }

    [Fact]
    public async Task AdminOutboxPage_IsClosedToAnonymousCallers_AndResumeNeedsAnAdmin()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var get = await anonymous.GetAsync(new Uri("/admin/outbox", UriKind.Relative), cancellationToken);
        using var post = await anonymous.PostAsync(new Uri("/admin/outbox?handler=Resume", UriKind.Relative), new FormUrlEncodedContent([]), cancellationToken);

        Assert.True(get.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, get.StatusCode.ToString());
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, post.StatusCode.ToString());
    }
}
