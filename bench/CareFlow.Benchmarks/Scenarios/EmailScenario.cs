using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CareFlow.Benchmarks.Measurement;
using CareFlow.Core.Email.Templates;
using CareFlow.Core.Outbox;
using CareFlow.Infrastructure.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CareFlow.Benchmarks.Scenarios;

/// <summary>
/// (g-raw) MailKit over one reused connection to the local test SMTP server, and (g) CareFlow's outbox: N rows written
/// through <see cref="IEmailOutbox"/> in one scope and committed by one SaveChanges (whose commit interceptor wakes the
/// in-process outbox pump), delivered in batches by the product's dispatcher and pooled MailKit sender. Both are
/// counted by the server's own <c>/stats</c> (messages it stored).
/// </summary>
public sealed class EmailScenario(IServiceScopeFactory scopes, SmtpEndpoint smtp, Func<Task<long>> committedTransactions)
{
    public const string From = "CareFlow Bench <bench@careflow.localhost>";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>(g-raw): N messages, one recipient each, sent back to back over one connection; seconds from connect to the last reply.</summary>
    public async Task<EmailResult> RawAsync(int count)
    {
        await ResetServerAsync();
        var messages = Enumerable.Range(0, count).Select(i => RawMessage(i)).ToList();
        var (app0, pg0) = (CpuClock.ProcessMs(), CpuClock.ServerMs());
        var clock = Stopwatch.StartNew();
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None);
            foreach (var message in messages) await client.SendAsync(message);
            await client.DisconnectAsync(true);
        }

        var elapsed = clock.Elapsed;
        var cpu = (CpuClock.ProcessMs() - app0, CpuClock.ServerMs() - pg0);
        var received = await ReceivedAsync();
        return new EmailResult(count, received, elapsed, TimeSpan.Zero, null) { AppCpuMs = cpu.Item1, PgCpuMs = cpu.Item2 };
    }

    /// <summary>
    /// (g): the clock starts when the one SaveChanges that inserts all N rows has committed (the interceptor has then
    /// woken the pump) and stops when the server has stored N messages. The insert time is reported apart.
    /// </summary>
    public async Task<EmailResult> OutboxAsync(int count, TimeSpan timeout)
    {
        await ResetServerAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var insert = Stopwatch.StartNew();
        using (var scope = scopes.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
            for (var i = 0; i < count; i++)
            {
                var email = new RenderedEmail("bench-email", 1, From, $"Bench message {i}", "", $"Bench body {i}\r\n", "");
                var added = await outbox.EnqueueAsync(new OutboxEmail($"bench/{run}/{i}", $"provider{i}@example.org", email, Topic: $"bench:{run}"));
                if (!added) throw new InvalidOperationException($"outbox row {i} was not added");
            }

            await db.SaveChangesAsync();
        }

        var inserted = insert.Elapsed;
        var (app0, pg0) = (CpuClock.ProcessMs(), CpuClock.ServerMs());
        var clock = Stopwatch.StartNew();
        var commitsBefore = await committedTransactions();
        var received = 0;
        while (clock.Elapsed < timeout)
        {
            received = await ReceivedAsync();
            if (received >= count) break;
            await Task.Delay(10);
        }

        var elapsed = clock.Elapsed;
        var cpu = (CpuClock.ProcessMs() - app0, CpuClock.ServerMs() - pg0);
        var commits = await committedTransactions() - commitsBefore;
        string note;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
            var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Topic == $"bench:{run}")
                .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            note = $"~{commits} PostgreSQL commits (pg_stat_database, flushed up to 1 s late) in the database while dispatching ({(double)commits / count:0.0} per message, Hangfire included); outbox rows: " + string.Join(", ", rows.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Count}"));
        }

        return new EmailResult(count, received, elapsed, inserted, note) { AppCpuMs = cpu.Item1, PgCpuMs = cpu.Item2 };
    }

    private static MimeMessage RawMessage(int i)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(From));
        message.To.Add(MailboxAddress.Parse($"provider{i}@example.org"));
        message.Subject = $"Bench message {i}";
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("careflow.localhost");
        message.Body = new TextPart("plain") { Text = $"Bench body {i}\r\n" };
        return message;
    }

    private async Task ResetServerAsync()
    {
        using var response = await Http.PostAsync($"{smtp.Control}/reset", null);
        response.EnsureSuccessStatusCode();
    }

    private async Task<int> ReceivedAsync()
    {
        var stats = await Http.GetFromJsonAsync<JsonElement>($"{smtp.Control}/stats");
        return stats.GetProperty("messages").GetInt32();
    }
}

/// <summary>The local SMTP server bench/run.sh starts: host, port and the control API's base address.</summary>
public sealed record SmtpEndpoint(string Host, int Port, string Control)
{
    /// <summary>From CAREFLOW_BENCH_SMTP (host:port) and CAREFLOW_BENCH_SMTP_CONTROL; null when either is missing.</summary>
    public static SmtpEndpoint? FromEnvironment()
    {
        var address = Environment.GetEnvironmentVariable("CAREFLOW_BENCH_SMTP");
        var control = Environment.GetEnvironmentVariable("CAREFLOW_BENCH_SMTP_CONTROL");
        if (string.IsNullOrWhiteSpace(address) || string.IsNullOrWhiteSpace(control)) return null;
        var colon = address.LastIndexOf(':');
        return new SmtpEndpoint(address[..colon], int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), control.TrimEnd('/'));
    }
}

/// <summary>One email row: messages asked for, messages the server stored, the measured time, and (g) the insert time.</summary>
public sealed record EmailResult(int Count, int Received, TimeSpan Elapsed, TimeSpan Insert, string? Note)
{
    public double PerSecond => Received / Elapsed.TotalSeconds;

    public bool Complete => Received >= Count;

    /// <summary>CPU of this process (the host's Hangfire, polling and all) and of the local PostgreSQL over the measured time.</summary>
    public double AppCpuMs { get; init; }

    public double PgCpuMs { get; init; }
}
