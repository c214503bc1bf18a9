namespace CareFlow.Benchmarks.Measurement;

/// <summary>A measurement made of interleaved slices (rounds): totals, merged latencies, and each round's rate.</summary>
public sealed record LoadResult(
    int Clients, int Completed, TimeSpan Window, double P50Ms, double P99Ms, int Errors, string? FirstError, IReadOnlyList<double> RoundRates,
    double ProcessCpuMs, double ServerCpuMs)
{
    public double PerSecond => Completed / Window.TotalSeconds;

    /// <summary>CPU ms per completed operation: this process (engine, EF, Npgsql, and Hangfire's polling) and PostgreSQL.</summary>
    public (double Process, double Server) CpuPerOperation => (ProcessCpuMs / Completed, ServerCpuMs / Completed);

    public static LoadResult From(IReadOnlyList<LoadSample> samples)
    {
        var all = samples.SelectMany(s => s.LatenciesMs).Order().ToList();
        return new LoadResult(
            samples[0].Clients,
            all.Count,
            TimeSpan.FromTicks(samples.Sum(s => s.Window.Ticks)),
            Percentile.Of(all, 50),
            Percentile.Of(all, 99),
            samples.Sum(s => s.Errors),
            samples.Select(s => s.FirstError).FirstOrDefault(e => e is not null),
            [.. samples.Select(s => s.PerSecond)],
            samples.Sum(s => s.ProcessCpuMs),
            samples.Sum(s => s.ServerCpuMs));
    }
}
