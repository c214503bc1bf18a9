using CareFlow.Benchmarks.Scenarios;

namespace CareFlow.Benchmarks.Reporting;

/// <summary>Rows g-raw and g (issue 6, item 8) and the goal g ≥ 0.5 × g-raw, from interleaved rounds.</summary>
public static class EmailSummary
{
    public const double Goal = 0.5;

    public static void Write(Report report, IReadOnlyList<EmailResult> raw, IReadOnlyList<EmailResult> outbox)
    {
        var rawRate = Rate(raw);
        var outboxRate = Rate(outbox);
        var ratio = outboxRate / rawRate;
        report.Line("g*", $"(g-raw) MailKit, one reused connection, {raw[0].Count} msgs x {raw.Count} rounds: {Report.F(rawRate)} msg/s; per round {Rounds(raw)}; received {Received(raw)}");
        report.Line("g", $"(g) outbox: commit of {outbox[0].Count} rows -> all received by SMTP: {Report.F(outboxRate)} msg/s = {Report.F(ratio, 2)} x (g-raw); " +
            $"per round {Rounds(outbox)} msg/s ({string.Join(" ", outbox.Zip(raw, (o, r) => Report.F(o.PerSecond / r.PerSecond, 2)))} x); received {Received(outbox)}; " +
            $"insert + commit {string.Join(" ", outbox.Select(o => Report.F(o.Insert.TotalMilliseconds, 0)))} ms (not in the figure)");
        report.Line("", $"    CPU per message, whole process / PostgreSQL (ms): g-raw {Cpu(raw)}; g {Cpu(outbox)} (the Python SMTP server's CPU is in neither)");
        foreach (var note in outbox.Select(o => o.Note).Where(n => n is not null).Distinct()) report.Line("", "    " + note);
        var complete = raw.All(r => r.Complete) && outbox.All(o => o.Complete);
        report.Add(new Goal($"email outbox g >= {Goal} x g-raw (issue 6, item 8)",
            complete ? $"{Report.F(ratio, 2)} x ({Report.F(outboxRate)} vs {Report.F(rawRate)} msg/s)" : "INCOMPLETE: not every message arrived",
            complete && ratio >= Goal));
    }

    private static string Cpu(IReadOnlyList<EmailResult> results) =>
        $"{Report.F(results.Sum(r => r.AppCpuMs) / results.Sum(r => r.Received), 2)} / {Report.F(results.Sum(r => r.PgCpuMs) / results.Sum(r => r.Received), 2)}";

    private static double Rate(IReadOnlyList<EmailResult> results) =>
        results.Sum(r => r.Received) / results.Sum(r => r.Elapsed.TotalSeconds);

    private static string Rounds(IReadOnlyList<EmailResult> results) => string.Join(" ", results.Select(r => Report.F(r.PerSecond, 0)));

    private static string Received(IReadOnlyList<EmailResult> results) => string.Join(" ", results.Select(r => $"{r.Received}/{r.Count}"));
}
