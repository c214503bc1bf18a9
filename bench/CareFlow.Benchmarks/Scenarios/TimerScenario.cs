using System.Diagnostics;
using CareFlow.Benchmarks.Hosting;
using CareFlow.Benchmarks.Measurement;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareFlow.Benchmarks.Scenarios;

/// <summary>
/// (d) Delay timers fired by the Hangfire BackgroundJobServer that AddCareFlowInfrastructure registers (PostgreSQL
/// storage, 1 s schedule polling). Latencies come from the database: instances.finished_at (stamped by the engine's
/// clock, the wall clock once unfrozen) minus the bookmark's due time.
/// </summary>
public sealed class TimerScenario(IServiceScopeFactory scopes, NpgsqlDataSource db, BenchClock clock)
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    /// <summary>Single timers first (alone in the system, spaced so they do not overlap), then the batch.</summary>
    public async Task<TimerResult> RunAsync(string singleDefinitionId, string batchDefinitionId, int samples, int count, double startsPerSecond)
    {
        var single = await SinglesAsync(singleDefinitionId, samples);
        var batch = await BatchAsync(batchDefinitionId, count, startsPerSecond);
        return batch with
        {
            Samples = single.Count,
            SingleP50Seconds = Percentile.Of(single, 50),
            SingleP99Seconds = Percentile.Of(single, 99),
            SingleMaxSeconds = single.Count == 0 ? double.NaN : single[^1],
        };
    }

    private async Task<List<double>> SinglesAsync(string definitionId, int samples)
    {
        var started = new List<(string Id, DateTimeOffset DueAt)>();
        for (var i = 0; i < samples; i++)
        {
            // 0.65 s apart: each fires alone, at a different phase of Hangfire's 1 s schedule poll.
            await Task.Delay(TimeSpan.FromSeconds(0.65));
            var state = await StartAsync(definitionId);
            started.Add((state.Id, state.Bookmarks[0].ResumeAt!.Value));
        }

        await WaitAllFinishedAsync(definitionId, samples, started[^1].DueAt + Deadline);
        var finished = await FinishedAtAsync(definitionId);
        return [.. started.Where(s => finished.ContainsKey(s.Id)).Select(s => (finished[s.Id] - s.DueAt).TotalSeconds).Order()];
    }

    private async Task<TimerResult> BatchAsync(string definitionId, int count, double startsPerSecond)
    {
        // Every instance must be waiting before the due moment: allow for creation at a third of the measured start
        // rate (each start here also writes a Hangfire job), plus a margin.
        var creationAllowance = TimeSpan.FromSeconds(Math.Clamp(count / Math.Max(startsPerSecond / 3, 1), 3, 60));
        var batchStart = DateTimeOffset.UtcNow;
        var dueAt = batchStart + creationAllowance + TimeSpan.FromSeconds(2);
        var creation = Stopwatch.StartNew();
        clock.Freeze(dueAt - Delay);
        try
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) < count) await StartAsync(definitionId);
            })));
        }
        finally
        {
            clock.Unfreeze();
        }

        creation.Stop();
        var overran = DateTimeOffset.UtcNow > dueAt - TimeSpan.FromSeconds(0.2);
        await WaitAllFinishedAsync(definitionId, count, dueAt + Deadline);
        var latencies = (await FinishedAtAsync(definitionId)).Values.Select(f => (f - dueAt).TotalSeconds).Order().ToList();
        return new TimerResult(
            count, creation.Elapsed, overran, latencies.Count,
            latencies.Count > 0 ? latencies[0] : double.NaN, Percentile.Of(latencies, 50), latencies.Count == count ? latencies[^1] : double.NaN,
            await HangfireStatesAsync(batchStart, dueAt), 0, double.NaN, double.NaN, double.NaN);
    }

    /// <summary>
    /// (d′) What the engine does without Hangfire's per-job scheduling: instances wait on a 1 h Delay, the engine's clock
    /// jumps past it, and 8 parallel callers run <see cref="ResumeWorkflowJob"/> (the job Hangfire would run) for every
    /// due bookmark, as one sweep job per due moment would. Returns the seconds from the first call to the last resume.
    /// </summary>
    public async Task<double> SweepAsync(string hourDefinitionId, int count)
    {
        var waiting = new System.Collections.Concurrent.ConcurrentBag<(string InstanceId, string BookmarkId)>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                var state = await StartAsync(hourDefinitionId);
                waiting.Add((state.Id, state.Bookmarks[0].Id));
            }
        })));

        clock.Freeze(DateTimeOffset.UtcNow.AddHours(2));
        try
        {
            var sweep = Stopwatch.StartNew();
            await Parallel.ForEachAsync(waiting, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (timer, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ResumeWorkflowJob>().RunAsync(timer.InstanceId, timer.BookmarkId, ct);
            });
            sweep.Stop();
            await using var command = db.CreateCommand("SELECT count(*) FROM workflows.instances WHERE definition_id = $1 AND status = 'Finished'");
            command.Parameters.Add(new NpgsqlParameter { Value = hourDefinitionId });
            return (long)(await command.ExecuteScalarAsync())! == count ? sweep.Elapsed.TotalSeconds : double.NaN;
        }
        finally
        {
            clock.Unfreeze();
        }
    }

    private async Task<WorkflowState> StartAsync(string definitionId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var state = await scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>().StartAsync(definitionId, VersionOptions.Published, new StartWorkflowRequest())
            ?? throw new InvalidOperationException($"Definition {definitionId} is not published.");
        return state.Bookmarks is [{ ResumeAt: not null }]
            ? state
            : throw new InvalidOperationException($"Instance {state.Id} has no timer bookmark.");
    }

    private async Task WaitAllFinishedAsync(string definitionId, int count, DateTimeOffset deadline)
    {
        while (DateTimeOffset.UtcNow < deadline)
        {
            await using var command = db.CreateCommand("SELECT count(*) FROM workflows.instances WHERE definition_id = $1 AND status = 'Finished'");
            command.Parameters.Add(new NpgsqlParameter { Value = definitionId });
            if ((long)(await command.ExecuteScalarAsync())! >= count) return;
            await Task.Delay(200);
        }
    }

    private async Task<Dictionary<string, DateTimeOffset>> FinishedAtAsync(string definitionId)
    {
        await using var command = db.CreateCommand("SELECT id, finished_at FROM workflows.instances WHERE definition_id = $1 AND finished_at IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = definitionId });
        await using var reader = await command.ExecuteReaderAsync();
        var finished = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (await reader.ReadAsync()) finished[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        return finished;
    }

    /// <summary>When Hangfire moved the batch's jobs through each state, relative to the due moment (best effort: its schema is Hangfire's).</summary>
    private async Task<IReadOnlyList<(string State, int Jobs, double LastSeconds)>> HangfireStatesAsync(DateTimeOffset since, DateTimeOffset dueAt)
    {
        try
        {
            await using var command = db.CreateCommand(
                "SELECT s.name, count(*)::int, extract(epoch FROM max(s.createdat))::float8 FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid " +
                "WHERE extract(epoch FROM j.createdat) >= $1 AND j.invocationdata::text LIKE '%ResumeWorkflowJob%' GROUP BY s.name ORDER BY 3");
            command.Parameters.Add(new NpgsqlParameter { Value = since.ToUnixTimeMilliseconds() / 1000.0 - 1 });
            await using var reader = await command.ExecuteReaderAsync();
            var states = new List<(string, int, double)>();
            var due = dueAt.ToUnixTimeMilliseconds() / 1000.0;
            while (await reader.ReadAsync()) states.Add((reader.GetString(0), reader.GetInt32(1), reader.GetDouble(2) - due));
            return states;
        }
        catch (Exception)
        {
            // Hangfire's schema is not ours; a change there only loses this diagnostic.
            return [];
        }
    }
}
