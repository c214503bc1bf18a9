namespace CareFlow.Benchmarks.Hosting;

/// <summary>
/// The engine's clock: the system clock, except while frozen. The timer scenario freezes it while it creates
/// instances, so that every Delay computes the same due time however long the creation takes.
/// </summary>
public sealed class BenchClock : TimeProvider
{
    private long _frozenTicks;

    public override DateTimeOffset GetUtcNow()
    {
        var frozen = Interlocked.Read(ref _frozenTicks);
        return frozen == 0 ? base.GetUtcNow() : new DateTimeOffset(frozen, TimeSpan.Zero);
    }

    public void Freeze(DateTimeOffset at) => Interlocked.Exchange(ref _frozenTicks, at.UtcTicks);

    public void Unfreeze() => Interlocked.Exchange(ref _frozenTicks, 0);
}
