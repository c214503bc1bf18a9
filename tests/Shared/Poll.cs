using System.Diagnostics;

namespace CareFlow.Testing;

/// <summary>Polls a condition until it holds or a deadline passes; never a fixed sleep.</summary>
public static class Poll
{
    /// <summary>Returns how long it took; throws <see cref="TimeoutException"/> with <paramref name="what"/> and the last observation.</summary>
    public static async Task<TimeSpan> UntilAsync(Func<Task<(bool Done, string Observed)>> condition, TimeSpan timeout, string what, CancellationToken cancellationToken, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (done, observed) = await condition();
            if (done) return clock.Elapsed;
            if (clock.Elapsed > timeout) throw new TimeoutException($"Not within {timeout.TotalSeconds:0.#} s: {what}. Last observed: {observed}");
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>Reads <paramref name="probe"/> until <paramref name="done"/> accepts its value (every 100 ms); returns that value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var value = default(T)!;
        await UntilAsync(async () =>
        {
            value = await probe();
            return (done(value), $"{value}");
        }, timeout, what, cancellationToken, TimeSpan.FromMilliseconds(100));
        return value;
    }
}
