using CareFlow.Core.Care.Cases;

namespace CareFlow.Core.Care.Plans;

/// <summary>Use case: record a check-in's outcome; the workflow waiting on it continues.</summary>
public static class RecordCheckIn
{
    public static async Task<CheckIn> RunAsync(ICareData data, ICareSignals signals, TimeProvider time, Guid checkInId, CheckInOutcome? outcome, string? notes, CancellationToken cancellationToken = default)
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
        await data.SaveChangesAsync(cancellationToken);
        await signals.SignalAsync(CareBookmarks.CheckInRecorded, checkIn.Id.ToString(), null, cancellationToken);
        return checkIn;
    }
}
