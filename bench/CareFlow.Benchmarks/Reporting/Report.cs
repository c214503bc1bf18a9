using System.Globalization;
using System.Text;
using CareFlow.Benchmarks.Measurement;

namespace CareFlow.Benchmarks.Reporting;

/// <summary>Collects the rows and prints the one table the run is for.</summary>
public sealed class Report
{
    private readonly StringBuilder _rows = new();
    private readonly List<string> _notes = [];
    private readonly List<Goal> _goals = [];

    /// <summary>The heading of the goals list.</summary>
    public string GoalsTitle { get; init; } = "Goals (issue 3, item 13)";

    public static string F(double value, int decimals = 1) =>
        double.IsNaN(value) ? "n/a" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public void Throughput(string id, string what, LoadResult result, LoadResult? ceiling)
    {
        var ratio = ceiling is null ? "1.00 = (a)" : F(result.PerSecond / ceiling.PerSecond, 2) + " x (a)";
        var rounds = ceiling is null
            ? string.Join(" ", result.RoundRates.Select(r => F(r, 0)))
            : string.Join(" ", result.RoundRates.Zip(ceiling.RoundRates, (e, c) => F(e / c, 2)));
        _rows.AppendLine(CultureInfo.InvariantCulture,
            $" {id,-2} | {what,-50} | {result.Clients,7} | {F(result.PerSecond),8} | {F(result.P50Ms, 2),7} | {F(result.P99Ms, 2),7} | {ratio,-11} | {F(result.CpuPerOperation.Process, 2),10} | {F(result.CpuPerOperation.Server, 2),9} | {rounds,-30} | {result.Completed,6}{Errors(result)}");
    }

    public void Line(string id, string text) => _rows.AppendLine(CultureInfo.InvariantCulture, $" {id,-2} | {text}");

    public void Note(string text) => _notes.Add(text);

    public void Add(Goal goal) => _goals.Add(goal);

    public void Print(TextWriter output, string header)
    {
        output.WriteLine();
        output.WriteLine(header);
        output.WriteLine();
        output.WriteLine(" #  | measurement                                        | clients |    ops/s |  p50 ms |  p99 ms | ratio       | app CPU ms | pg CPU ms | per round                      |    ops");
        output.WriteLine(" ---+----------------------------------------------------+---------+----------+---------+---------+-------------+------------+-----------+--------------------------------+-------");
        output.Write(_rows);
        output.WriteLine();
        output.WriteLine(GoalsTitle);
        foreach (var goal in _goals) output.WriteLine($"  {goal.Verdict}  {goal.Description,-62} {goal.Measured}");
        output.WriteLine();
        output.WriteLine($"Goals met: {_goals.Count(g => g.Met)} of {_goals.Count}");
        if (_notes.Count == 0) return;
        output.WriteLine();
        output.WriteLine("Profile");
        foreach (var note in _notes) output.WriteLine(note);
    }

    private static string Errors(LoadResult result) =>
        result.Errors == 0 ? "" : $"  ({result.Errors} errors, first: {result.FirstError})";
}
