using System.Diagnostics;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>Polls a condition until it holds or a deadline passes; never a fixed sleep.</summary>
public static class Poll
{
    /// <summary>Returns how long it took; throws <see cref="TimeoutException"/> with <paramref name="what"/> and the last observation.</summary>
    public static async Task<TimeSpan> UntilAsync(Func<Task<(bool Done, string Observed)>> condition, TimeSpan timeout, string what, CancellationToken cancellationToken, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (done, observed) = await condition();
            if (done) return clock.Elapsed;
            if (clock.Elapsed > timeout) throw new TimeoutException($"Not within {timeout.TotalSeconds:0.#} s: {what}. Last observed: {observed}");
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }
}
