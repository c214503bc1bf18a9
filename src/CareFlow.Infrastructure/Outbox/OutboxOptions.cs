namespace CareFlow.Infrastructure.Outbox;

/// <summary>Email outbox settings, bound to the "Outbox" section. The test profile uses 1 s × 2ⁿ capped at 60 s.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>First retry delay after a transient failure (4xx, connection or TLS error); doubles each attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest delay between attempts (production: hourly).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many attempts a transient failure becomes an incident and the email is marked failed.</summary>
    public int MaxAttempts { get; set; } = 40;

    /// <summary>How long a dispatcher's claim on a row lasts; an expired claim (a crash mid-send) is retried.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Rows claimed per query.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Within a batch, sent rows are marked at least this often (and at its end): a crash between a send and its mark
    /// resends at most this much mail, with the same Message-ID, once the claim expires.
    /// </summary>
    public TimeSpan MarkSentInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a sweep looks for due rows whose Hangfire job was lost (the job storage may be in memory).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The delay before the <paramref name="attempt"/>-th retry (1-based).</summary>
    public TimeSpan Backoff(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ticks = Math.Min(RetryBaseDelay.Ticks * Math.Pow(2, exponent), RetryMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
