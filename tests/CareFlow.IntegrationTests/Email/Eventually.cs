namespace CareFlow.IntegrationTests.Email;

/// <summary>Polls a condition with a deadline (never a fixed sleep).</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {what}; last value: {value}");
            await Task.Delay(100, cancellationToken);
        }
    }
}
