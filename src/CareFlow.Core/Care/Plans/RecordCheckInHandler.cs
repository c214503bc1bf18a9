using CareFlow.Core.Care.Cases;
using CareFlow.Core.Reminders;

namespace CareFlow.Core.Care.Plans;

/// <summary>
/// Use case: record a check-in's outcome; its reminder is cancelled, and the workflow waiting on it continues. The
/// outcome and the signal commit together; the signal is delivered after the commit (and after a crash).
/// </summary>
public sealed class RecordCheckInHandler(ICareData data, ICareSignals signals, CoordinatorReminders reminders, TimeProvider time)
{
    public async Task<CheckIn> HandleAsync(Guid checkInId, CheckInOutcome? outcome, string? notes, CancellationToken cancellationToken = default)
    {
        if (outcome is null) throw new CareValidationException("outcome", "Say what the check-in found.");
        var checkIn = await data.FirstOrDefaultAsync(data.Query<CheckIn>().Where(c => c.Id == checkInId), cancellationToken)
            ?? throw new CareValidationException("checkInId", "Unknown check-in.");
        if (checkIn.Outcome is not null) throw new CareValidationException("outcome", "The check-in already has an outcome.");
        var now = time.GetUtcNow();
        checkIn.Outcome = outcome;
        checkIn.HeldAt = now;
        checkIn.Notes = notes;
        CaseJournal.Record(data, checkIn.CaseId, now, "check-in", $"{checkIn.Label}: {outcome}.");
        await reminders.ForCheckInAsync(checkIn, cancellationToken);
        await signals.RaiseAsync(CareBookmarks.CheckInRecorded, checkIn.Id.ToString(), null, cancellationToken);
        await data.SaveChangesAsync(cancellationToken);
        await signals.DeliverAsync(cancellationToken);
        return checkIn;
    }
}
