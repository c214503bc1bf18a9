using System.Diagnostics;

namespace CareFlow.Benchmarks;

/// <summary>Progress lines on stderr, so that stdout carries only the table.</summary>
public sealed class Progress(Stopwatch wall)
{
    public void Say(string what) => Console.Error.WriteLine($"[{wall.Elapsed.TotalSeconds,6:0.0} s] {what}");
}
