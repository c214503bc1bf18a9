using System.Diagnostics;
using CareFlow.Benchmarks;
using CareFlow.Benchmarks.Hosting;
using CareFlow.Benchmarks.Measurement;
using CareFlow.Benchmarks.Reporting;
using CareFlow.Benchmarks.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

var settings = BenchSettings.FromEnvironment();
var wall = Stopwatch.StartNew();
var loadBefore = MachineLoad.Read();
var clock = new BenchClock();
using var host = BenchHost.Build(settings, clock);
await host.StartAsync();
await using var db = NpgsqlDataSource.Create(settings.ConnectionString);
var pg = new PgProbe(db);
await pg.InitialiseAsync();
CpuClock.Attach(await pg.BackendPidAsync());
var scopes = host.Services.GetRequiredService<IServiceScopeFactory>();
var definitions = await BenchSetup.PublishDefinitionsAsync(scopes, TimerScenario.Delay);
var progress = new Progress(wall);

var raw = new RawStepScenario(db);
await raw.SetupAsync(BenchSettings.Concurrencies.Max());
var engine = new EngineScenario(scopes, definitions.Ping, BenchSettings.Concurrencies.Max());
engine.StartInput = BenchSetup.PaddingFor(await engine.StartAsync(0), RawStepScenario.StateSize);
progress.Say("preparing waiting instances for the resume scenarios");
await engine.PrepareAsync();

// (a), (b), (c) and (c') interleaved per concurrency, so that outside load hits all of them alike.
var throughput = new Dictionary<int, Dictionary<string, LoadResult>>();
foreach (var clients in BenchSettings.Concurrencies)
{
    throughput[clients] = await Interleaved.RunAsync(clients, settings,
        [("a", raw.StepAsync), ("b", engine.StartAsync), ("c", engine.ResumeAsync), ("c'", engine.TriggerAsync)], progress.Say);
    progress.Say($"{clients} client(s): " + string.Join(", ", throughput[clients].Select(r => $"{r.Key} {r.Value.PerSecond:0.0}/s p50 {r.Value.P50Ms:0.0} ms")));
}

progress.Say($"(e) counting the SQL of {settings.CountedOperations} resumes, starts and event resumes in a database of their own");
await using var counting = await CountingDatabase.CreateAsync(db, settings, clock);
var countedScopes = (counting?.Host.Services ?? host.Services).GetRequiredService<IServiceScopeFactory>();
var counted = new EngineScenario(countedScopes, (await BenchSetup.PublishDefinitionsAsync(countedScopes, TimerScenario.Delay)).Ping, 1)
{
    StartInput = engine.StartInput,
};
await counted.PrepareAsync();
var resumeCounts = await StatementCounter.RunAsync(pg, counting, settings.CountedOperations, () => counted.ResumeAsync(0));
var startCounts = await StatementCounter.RunAsync(pg, counting, settings.CountedOperations, () => counted.StartAsync(0));
var triggerCounts = await StatementCounter.RunAsync(pg, counting, settings.CountedOperations, () => counted.TriggerAsync(0));
progress.Say("CPU breakdown of one resume");
var cpu = await CpuBreakdown.RunAsync(scopes, db, definitions.Ping, engine.StartInput, raw.StepAsync, engine.ResumeAsync, settings.CountedOperations);
var stateSizes = await pg.StateSizesAsync([.. engine.InstanceIds]);
var definitionSize = await pg.DefinitionSizeAsync(definitions.Ping);

progress.Say($"(d) {settings.TimerSamples} single timers, then {settings.TimerCount} timers due at once");
var timers = await new TimerScenario(scopes, db, clock).RunAsync(
    definitions.SingleTimer, definitions.BatchTimer, settings.TimerSamples, settings.TimerCount, throughput[8]["b"].PerSecond);
progress.Say($"(d') {settings.TimerCount} due timers resumed by 8 parallel ResumeWorkflowJob calls, without Hangfire");
var sweepSeconds = await new TimerScenario(scopes, db, clock).SweepAsync(definitions.HourTimer, settings.TimerCount);
var memory = PeakMemory.Read();

var report = new Report();
BenchSummary.Write(report, new BenchSummary.Figures(
    throughput, resumeCounts, startCounts, triggerCounts, timers, sweepSeconds, memory, stateSizes, definitionSize, cpu));
var header = $"CareFlow benchmark: {Environment.ProcessorCount} cores, {await pg.DescribeServerAsync()}\n" +
    $"{settings.Warmup.TotalSeconds:0} s warm-up, then {settings.Duration.TotalSeconds:0} s per row in {settings.Rounds} interleaved rounds; " +
    $"load average {loadBefore} at the start, {MachineLoad.Read()} at the end; run took {wall.Elapsed.TotalSeconds:0} s";
report.Print(Console.Out, header);
await host.StopAsync();
