using System.Diagnostics;

namespace CareFlow.Benchmarks.Measurement;

/// <summary>
/// Closed loop: each client runs its operation back to back. After the warm-up a fixed window opens; operations that
/// complete inside it count for throughput and latency. An operation that throws is counted as an error, not timed.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadSample> RunAsync(int clients, TimeSpan warmup, TimeSpan duration, Func<int, Task> operation)
    {
        var window = new Window();
        var latencies = new List<double>[clients];
        var errors = 0;
        string? firstError = null;
        var tasks = new Task[clients];
        for (var c = 0; c < clients; c++)
        {
            var client = c;
            var mine = latencies[client] = new List<double>(32_768);
            tasks[client] = Task.Run(async () =>
            {
                while (!window.Stopped)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        await operation(client);
                    }
                    catch (Exception ex)
                    {
                        if (Interlocked.Increment(ref errors) == 1) firstError = $"{ex.GetType().Name}: {ex.Message}";
                        await Task.Delay(10);
                        continue;
                    }

                    var ended = Stopwatch.GetTimestamp();
                    if (window.Contains(ended)) mine.Add(Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds);
                }
            });
        }

        await Task.Delay(warmup);
        window.Open();
        var (process, server) = (CpuClock.ProcessMs(), CpuClock.ServerMs());
        await Task.Delay(duration);
        var length = window.Close();
        (process, server) = (CpuClock.ProcessMs() - process, CpuClock.ServerMs() - server);
        await Task.WhenAll(tasks);

        return new LoadSample(clients, [.. latencies.SelectMany(l => l)], length, errors, firstError, process, server);
    }

    private sealed class Window
    {
        private long _opened = long.MaxValue;
        private long _closed = long.MaxValue;

        public bool Stopped => Interlocked.Read(ref _closed) != long.MaxValue;

        public bool Contains(long timestamp) => timestamp >= Interlocked.Read(ref _opened) && timestamp <= Interlocked.Read(ref _closed);

        public void Open() => Interlocked.Exchange(ref _opened, Stopwatch.GetTimestamp());

        public TimeSpan Close()
        {
            var closed = Stopwatch.GetTimestamp();
            Interlocked.Exchange(ref _closed, closed);
            return Stopwatch.GetElapsedTime(Interlocked.Read(ref _opened), closed);
        }
    }
}
