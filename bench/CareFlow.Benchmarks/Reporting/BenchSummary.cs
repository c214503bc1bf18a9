using CareFlow.Benchmarks.Measurement;
using CareFlow.Benchmarks.Scenarios;

namespace CareFlow.Benchmarks.Reporting;

/// <summary>Turns the figures into the rest of the table: counts, timers, memory, goals and the profile notes.</summary>
public static class BenchSummary
{
    private static readonly (string Id, string What)[] Rows =
    [
        ("a", "raw Npgsql step (lock, 4 KB upsert, bookmark, log)"),
        ("b", "start to first Event bookmark (StartAsync)"),
        ("c", "resume Event bookmark (ResumeAsync by id)"),
        ("c'", "resume by event + correlation (TriggerEvent)"),
    ];

    public sealed record Figures(
        Dictionary<int, Dictionary<string, LoadResult>> Throughput,
        CountedResult ResumeCounts,
        CountedResult StartCounts,
        CountedResult TriggerCounts,
        TimerResult Timers,
        double SweepSeconds,
        (double PeakMiB, double CurrentMiB) Memory,
        (int Min, int Max, int StoredMax) StateSizes,
        int DefinitionSize,
        IReadOnlyList<CpuBreakdown.Part> Cpu);

    public static void Write(Report report, Figures f)
    {
        foreach (var (id, what) in Rows)
        {
            foreach (var (_, byScenario) in f.Throughput.OrderBy(t => t.Key)) report.Throughput(id, what, byScenario[id], id == "a" ? null : byScenario["a"]);
        }

        Counts(report, "e", "per resume (ResumeAsync)", f.ResumeCounts);
        Counts(report, "e", "per start (StartAsync)", f.StartCounts);
        Counts(report, "e", "per TriggerEvent resume", f.TriggerCounts);
        var t = f.Timers;
        report.Line("d", $"{t.Count} timers due at once: all resumed {Report.F(t.AllSeconds, 2)} s after the due moment " +
            $"(first {Report.F(t.FirstSeconds, 2)} s, median {Report.F(t.MedianSeconds, 2)} s; {t.Finished}/{t.Count} finished; created in {Report.F(t.Creation.TotalSeconds)} s{(t.CreationOverran ? ", CREATION OVERRAN THE DUE TIME: invalid" : "")})");
        report.Line("d'", $"the same {t.Count} due timers resumed by 8 parallel ResumeWorkflowJob calls without Hangfire's per-job scheduling: {Report.F(f.SweepSeconds, 2)} s (informational)");
        report.Line("d", $"single due timer, {t.Samples} samples: p50 {Report.F(t.SingleP50Seconds, 2)} s, p99 {Report.F(t.SingleP99Seconds, 2)} s, max {Report.F(t.SingleMaxSeconds, 2)} s after the due moment");
        report.Line("f", $"peak RSS (VmHWM) {Report.F(f.Memory.PeakMiB)} MiB; RSS at the end {Report.F(f.Memory.CurrentMiB)} MiB (Server GC with DATAS, as CareFlow.Web)");

        var c = f.ResumeCounts;
        var at8 = f.Throughput[8];
        report.Add(Ratio("starts at 8 clients >= 0.65 x raw ceiling", at8["b"], at8["a"]));
        report.Add(Ratio("resumes (ResumeAsync) at 8 clients >= 0.65 x raw ceiling", at8["c"], at8["a"]));
        report.Add(new Goal("exactly 1 commit per resume (EF transactions; server xact_commit)",
            $"{Report.F(c.ClientTransactions, 2)} ({Report.F(c.ExplicitCommits, 2)} explicit + {Report.F(c.AutocommitCommands, 2)} autocommit); server {Report.F(c.ServerTransactions, 2)}",
            Math.Abs(c.ClientTransactions - 1) < 0.005));
        report.Add(new Goal("<= 8 SQL statements per resume (EF statements)", $"{Report.F(c.Statements, 2)} in {Report.F(c.Commands, 2)} round trips", c.Statements <= 8.005));
        report.Add(new Goal($"{t.Count} due timers resumed within 8 s", $"{Report.F(t.AllSeconds, 2)} s", !t.CreationOverran && t.Finished == t.Count && t.AllSeconds <= 8));
        report.Add(new Goal("single due timer resumed within 2 s (p99)", $"{Report.F(t.SingleP99Seconds, 2)} s", t.SingleP99Seconds <= 2));
        report.Add(new Goal("peak RSS <= 300 MiB", $"{Report.F(f.Memory.PeakMiB)} MiB", f.Memory.PeakMiB <= 300));

        report.Note($"  instance state: {f.StateSizes.Min}-{f.StateSizes.Max} chars of JSON ({f.StateSizes.StoredMax} bytes stored after TOAST); raw step state {RawStepScenario.StateSize} chars");
        report.Note($"  ping definition JSON: {f.DefinitionSize} chars, read from the database by every resume");
        report.Note("  app CPU per call, one client (µs; this process's CPU time, GC and Hangfire polling included):");
        foreach (var part in f.Cpu) report.Note($"    {Report.F(part.MicrosecondsPerCall, 0),7}  {part.What}");
        Breakdown(report, "resume (ResumeAsync)", f.ResumeCounts);
        Breakdown(report, "start (StartAsync)", f.StartCounts);
        Breakdown(report, "TriggerEvent resume", f.TriggerCounts);
        if (t.HangfireStates.Count > 0)
        {
            report.Note("  Hangfire, batch jobs by state (last transition relative to the due moment):");
            foreach (var (state, jobs, last) in t.HangfireStates) report.Note($"    {state,-10} {jobs,5} jobs, last at {Report.F(last, 2)} s");
        }
    }

    private static Goal Ratio(string description, LoadResult engine, LoadResult ceiling)
    {
        var ratio = engine.PerSecond / ceiling.PerSecond;
        return new Goal(description, $"{Report.F(ratio, 2)} ({Report.F(engine.PerSecond)} vs {Report.F(ceiling.PerSecond)} ops/s)", ratio >= 0.65);
    }

    private static void Counts(Report report, string id, string what, CountedResult c) =>
        report.Line(id, $"{what,-26} EF: {Report.F(c.Statements, 2)} statements in {Report.F(c.Commands, 2)} commands, {Report.F(c.ExplicitCommits, 2)} explicit commits + " +
            $"{Report.F(c.AutocommitCommands, 2)} autocommit commands; server: {Report.F(c.ServerTransactions, 2)} xact_commit, {Report.F(c.ServerStatements, 2)} statements ({c.Operations} ops)");

    private static void Breakdown(Report report, string what, CountedResult c)
    {
        report.Note($"  one {what}, as EF sent it:");
        foreach (var line in c.Trace) report.Note("  " + line);
        if (c.ServerBreakdown.Count == 0) return;
        report.Note($"  per {what}, server side (pg_stat_statements calls per operation in the counting database):");
        foreach (var (query, per) in c.ServerBreakdown) report.Note($"    {Report.F(per, 2),5}  {Flat(query)}");
    }

    private static string Flat(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 140 ? flat : flat[..137] + "...";
    }
}
