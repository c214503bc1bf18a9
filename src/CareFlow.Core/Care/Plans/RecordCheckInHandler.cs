using CareFlow.Core.Care.Cases;
using CareFlow.Core.Reminders;

namespace CareFlow.Core.Care.Plans;

/// <summary>
/// Use case: record a check-in's outcome; its reminder is cancelled, and the workflow waiting on it continues. The
/// outcome and the signal commit together; the signal is delivered after the commit (and after a crash).
/// </summary>
public sealed class RecordCheckInHandler(ICareData data, ICareSignals signals, CoordinatorReminders reminders, TimeProvider time)
{
    public async Task<CheckIn> HandleAsync(Guid checkInId, CheckInOutcome? outcome, string? notes, string by, CancellationToken cancellationToken = default)
    {
        var checkIn = await RecordAsync(checkInId, outcome, notes, by, cancellationToken);
        await signals.RaiseAsync(CareBookmarks.CheckInRecorded, checkIn.Id.ToString(), null, cancellationToken);
        await data.SaveChangesAsync(cancellationToken);
        await signals.DeliverAsync(cancellationToken);
        return checkIn;
    }

    /// <summary>
    /// Records the outcome, its journal line and the reminder's cancellation in the unit of work, without saving or
    /// signalling: the one recording both this use case and a check-in task's form (<see cref="Tasks.TaskFormEffects"/>) use.
    /// </summary>
    internal async Task<CheckIn> RecordAsync(Guid checkInId, CheckInOutcome? outcome, string? notes, string by, CancellationToken cancellationToken)
    {
        if (outcome is null) throw new CareValidationException("outcome", "Say what the check-in found.");
        if (string.IsNullOrWhiteSpace(by)) throw new CareValidationException("by", "A check-in outcome needs the name of the person who recorded it.");
        var checkIn = await data.FirstOrDefaultAsync(data.Query<CheckIn>().Where(c => c.Id == checkInId), cancellationToken)
            ?? throw new CareValidationException("checkInId", "Unknown check-in.");
        if (checkIn.Outcome is not null) throw new CareValidationException("outcome", "The check-in already has an outcome.");
        var now = time.GetUtcNow();
        checkIn.Outcome = outcome;
        checkIn.HeldAt = now;
        checkIn.Notes = notes;
        checkIn.RecordedBy = by;
        CaseJournal.Record(data, checkIn.CaseId, now, "check-in", $"{checkIn.Label}: {outcome}.");
        await reminders.ForCheckInAsync(checkIn, cancellationToken);
        return checkIn;
    }
}
