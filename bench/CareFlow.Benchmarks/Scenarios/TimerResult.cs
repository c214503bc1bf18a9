namespace CareFlow.Benchmarks.Scenarios;

/// <summary>
/// (d) Timers. Batch: seconds from the shared due moment until the first, the median and the last instance finished,
/// and (from Hangfire's state table) until the last job was enqueued and started. Single: latency of lone timers.
/// </summary>
public sealed record TimerResult(
    int Count,
    TimeSpan Creation,
    bool CreationOverran,
    int Finished,
    double FirstSeconds,
    double MedianSeconds,
    double AllSeconds,
    IReadOnlyList<(string State, int Jobs, double LastSeconds)> HangfireStates,
    int Samples,
    double SingleP50Seconds,
    double SingleP99Seconds,
    double SingleMaxSeconds);
