using System.Diagnostics;
using CareFlow.Benchmarks;
using CareFlow.Benchmarks.Hosting;
using CareFlow.Benchmarks.Measurement;
using CareFlow.Benchmarks.Reporting;
using CareFlow.Benchmarks.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

var settings = BenchSettings.FromEnvironment();
// `--only email` (or CAREFLOW_BENCH_ONLY=email) runs the email rows alone; without it, everything runs.
var only = args.Length == 2 && args[0] == "--only" ? args[1]
    : args.Length == 0 ? Environment.GetEnvironmentVariable("CAREFLOW_BENCH_ONLY") is { Length: > 0 } o ? o : null
    : throw new ArgumentException($"usage: CareFlow.Benchmarks [--only email] (got: {string.Join(' ', args)})");
if (only is not null and not "email") throw new ArgumentException($"--only knows only \"email\" (got \"{only}\")");
if (only == "email" && settings.Smtp is null) throw new InvalidOperationException("--only email needs CAREFLOW_BENCH_SMTP and CAREFLOW_BENCH_SMTP_CONTROL: run bench/run.sh --only email");
var wall = Stopwatch.StartNew();
var loadBefore = MachineLoad.Read();
var clock = new BenchClock();
var host = BenchHost.Build(settings, clock);
await host.StartAsync();
await using var db = NpgsqlDataSource.Create(settings.ConnectionString);
var pg = new PgProbe(db);
await pg.InitialiseAsync();
CpuClock.Attach(await pg.BackendPidAsync());
var scopes = host.Services.GetRequiredService<IServiceScopeFactory>();
var definitions = await BenchSetup.PublishDefinitionsAsync(scopes, TimerScenario.Delay);
var progress = new Progress(wall);

if (only == "email")
{
    var emailReport = new Report { GoalsTitle = "Goals (issue 6, item 8)" };
    await RunEmailAsync(emailReport);
    emailReport.Print(Console.Out, $"CareFlow benchmark, email only: {Environment.ProcessorCount} cores, {await pg.DescribeServerAsync()}\n" +
        $"{settings.EmailCount} messages per row and round, 2 interleaved rounds after a warm-up; SMTP tests/tools/smtp_server.py on {settings.Smtp!.Host}:{settings.Smtp.Port}; " +
        $"load average {loadBefore} at the start, {MachineLoad.Read()} at the end; run took {wall.Elapsed.TotalSeconds:0} s");
    await host.StopAsync();
    DisposeHost();
    return;
}

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

var report = new Report { GoalsTitle = settings.Smtp is null ? "Goals (issue 3, item 13)" : "Goals (issue 3, item 13; the last: issue 6, item 8)" };
BenchSummary.Write(report, new BenchSummary.Figures(
    throughput, resumeCounts, startCounts, triggerCounts, timers, sweepSeconds, memory, stateSizes, definitionSize, cpu));
if (settings.Smtp is not null) await RunEmailAsync(report);
var header = $"CareFlow benchmark: {Environment.ProcessorCount} cores, {await pg.DescribeServerAsync()}\n" +
    $"{settings.Warmup.TotalSeconds:0} s warm-up, then {settings.Duration.TotalSeconds:0} s per row in {settings.Rounds} interleaved rounds; " +
    $"load average {loadBefore} at the start, {MachineLoad.Read()} at the end; run took {wall.Elapsed.TotalSeconds:0} s";
report.Print(Console.Out, header);
await host.StopAsync();
DisposeHost();

// (g-raw) and (g), interleaved over 2 rounds after a warm-up of each (JIT, the sender's pooled connection).
async Task RunEmailAsync(Report report)
{
    var database = new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database!;
    var email = new EmailScenario(scopes, settings.Smtp!, () => pg.CommittedTransactionsAsync(database));
    var timeout = TimeSpan.FromSeconds(90);
    progress.Say("(g) email warm-up");
    await email.RawAsync(Math.Min(50, settings.EmailCount));
    await email.OutboxAsync(Math.Min(50, settings.EmailCount), timeout);
    var raws = new List<EmailResult>();
    var outboxes = new List<EmailResult>();
    for (var round = 1; round <= 2; round++)
    {
        raws.Add(await email.RawAsync(settings.EmailCount));
        progress.Say($"(g-raw) round {round}: {raws[^1].Received}/{raws[^1].Count} in {raws[^1].Elapsed.TotalSeconds:0.00} s");
        outboxes.Add(await email.OutboxAsync(settings.EmailCount, timeout));
        progress.Say($"(g) round {round}: {outboxes[^1].Received}/{outboxes[^1].Count} in {outboxes[^1].Elapsed.TotalSeconds:0.00} s after an insert of {outboxes[^1].Insert.TotalSeconds:0.00} s");
    }

    // What a durable commit costs here, and how many commits the idle host (Hangfire, sweeps) makes: the dispatcher
    // commits twice per message (claim, then sent), so these bound (g) on this machine.
    await using (var command = db.CreateCommand("CREATE TABLE IF NOT EXISTS bench_raw_commit (id int PRIMARY KEY, n bigint); INSERT INTO bench_raw_commit VALUES (1, 0) ON CONFLICT DO NOTHING"))
    {
        await command.ExecuteNonQueryAsync();
    }

    var commitClock = Stopwatch.StartNew();
    const int commitSamples = 200;
    for (var i = 0; i < commitSamples; i++)
    {
        await using var command = db.CreateCommand("UPDATE bench_raw_commit SET n = n + 1 WHERE id = 1");
        await command.ExecuteNonQueryAsync();
    }

    var commitMs = commitClock.Elapsed.TotalMilliseconds / commitSamples;
    var idleBefore = await pg.CommittedTransactionsAsync(database);
    await Task.Delay(TimeSpan.FromSeconds(3));
    var idlePerSecond = (await pg.CommittedTransactionsAsync(database) - idleBefore) / 3.0;
    report.Line("", $"    one durable autocommit UPDATE (plain Npgsql, one connection): {Report.F(commitMs, 2)} ms; idle host: ~{Report.F(idlePerSecond, 0)} commits/s in the database");

    EmailSummary.Write(report, raws, outboxes);
}

// MailKitEmailSender is registered as itself and, through a factory, as IEmailSender: the container disposes the one
// instance twice and its DisposeAsync is not idempotent (a product bug, src/). It only affects shutdown, after the table.
void DisposeHost()
{
    try
    {
        host.Dispose();
    }
    catch (ObjectDisposedException ex)
    {
        progress.Say($"host disposal failed (known double disposal of the SMTP sender): {ex.Message.Split('\n')[0]}");
    }
}
