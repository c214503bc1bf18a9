using System.Globalization;

namespace CareFlow.Benchmarks;

/// <summary>What one run measures and for how long; every value can be overridden by an environment variable.</summary>
public sealed record BenchSettings(
    string ConnectionString,
    string DataDirectory,
    TimeSpan Warmup,
    TimeSpan Duration,
    int Rounds,
    int TimerCount,
    int TimerSamples,
    int CountedOperations,
    int EmailCount,
    Scenarios.SmtpEndpoint? Smtp)
{
    public static readonly int[] Concurrencies = [1, 8];

    /// <summary>Reads CAREFLOW_BENCH_* variables; fails with a message naming the variable when PostgreSQL is missing.</summary>
    public static BenchSettings FromEnvironment()
    {
        var connectionString = Environment.GetEnvironmentVariable("CAREFLOW_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "CAREFLOW_BENCH_POSTGRES is not set: run bench/run.sh, which starts a throwaway PostgreSQL, or set it to an Npgsql connection string.");
        }

        return new BenchSettings(
            connectionString,
            Environment.GetEnvironmentVariable("CAREFLOW_BENCH_DATA") is { Length: > 0 } data ? data : Path.Combine(Path.GetTempPath(), "careflow-bench-data"),
            TimeSpan.FromSeconds(Number("CAREFLOW_BENCH_WARMUP_SECONDS", 3)),
            TimeSpan.FromSeconds(Number("CAREFLOW_BENCH_SECONDS", 10)),
            Math.Max(1, (int)Number("CAREFLOW_BENCH_ROUNDS", 5)),
            (int)Number("CAREFLOW_BENCH_TIMERS", 1000),
            (int)Number("CAREFLOW_BENCH_TIMER_SAMPLES", 20),
            (int)Number("CAREFLOW_BENCH_COUNTED_OPERATIONS", 300),
            (int)Number("CAREFLOW_BENCH_EMAILS", 500),
            Scenarios.SmtpEndpoint.FromEnvironment());
    }

    private static double Number(string name, double fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
            ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
            : fallback;
}
