namespace CareFlow.Infrastructure.Outbox;

/// <summary>
/// The queue's stop switch for SMTP authentication and configuration errors: while paused
/// no row is claimed, so no email burns an attempt or fails for a fault that is not its own. Kept in memory on purpose:
/// a restart (after the settings were fixed) resumes, as does an admin on /admin/outbox.
/// </summary>
public sealed class OutboxPause(TimeProvider time)
{
    private readonly Lock _lock = new();

    /// <summary>Why the queue stopped; null while it runs.</summary>
    public string? Reason { get; private set; }

    /// <summary>When the queue stopped.</summary>
    public DateTimeOffset? Since { get; private set; }

    public bool IsPaused => Reason is not null;

    /// <summary>Stops the queue; false when it was already stopped (so the caller logs once).</summary>
    public bool TryPause(string reason)
    {
        lock (_lock)
        {
            if (Reason is not null) return false;
            Reason = reason;
            Since = time.GetUtcNow();
            return true;
        }
    }

    /// <summary>Lets the queue run again; false when it was running.</summary>
    public bool Resume()
    {
        lock (_lock)
        {
            if (Reason is null) return false;
            Reason = null;
            Since = null;
            return true;
        }
    }
}
