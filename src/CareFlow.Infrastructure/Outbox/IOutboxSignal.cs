namespace CareFlow.Infrastructure.Outbox;

/// <summary>Wakes the outbox dispatcher: now (a commit added rows) or at a time (the next retry).</summary>
public interface IOutboxSignal
{
    void Kick();

    void KickAt(DateTimeOffset dueAt);
}
