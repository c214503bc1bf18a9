namespace CareFlow.Benchmarks.Measurement;

/// <summary>One closed-loop slice: latencies (ms) of the operations completed inside the window, and failures.</summary>
public sealed record LoadSample(int Clients, IReadOnlyList<double> LatenciesMs, TimeSpan Window, int Errors, string? FirstError, double ProcessCpuMs, double ServerCpuMs)
{
    public double PerSecond => LatenciesMs.Count / Window.TotalSeconds;
}
