using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Tasks;

namespace CareFlow.Core.Care.Consents;

/// <summary>
/// Use case: record a §2.31 consent; the consent tasks waiting on the client's open cases are completed. The consent
/// and the signals commit together; the signals are delivered after the commit (and after a crash).
/// </summary>
public sealed class RecordConsentHandler(ICareData data, ICareSignals signals, TimeProvider time)
{
    public async Task<Consent> HandleAsync(Consent consent, string by, CancellationToken cancellationToken = default)
    {
        await RecordAsync(consent, by, exceptTaskId: null, cancellationToken);
        await data.SaveChangesAsync(cancellationToken);
        await signals.DeliverAsync(cancellationToken);
        return consent;
    }

    /// <summary>
    /// Checks and adds the consent, its journal lines and the completion of the client's open consent tasks (all but
    /// <paramref name="exceptTaskId"/>, the task whose form recorded it) to the unit of work, without saving: the one
    /// recording both this use case and a consent task's form (<see cref="TaskFormEffects"/>) use.
    /// </summary>
    internal async Task<Consent> RecordAsync(Consent consent, string by, Guid? exceptTaskId, CancellationToken cancellationToken)
    {
        foreach (var (field, message) in ConsentRules.Validate(consent)) throw new CareValidationException(field, message);
        var client = await data.FirstOrDefaultAsync(data.Query<Client>().Where(c => c.Id == consent.ClientId), cancellationToken)
            ?? throw new CareValidationException("clientId", "Unknown client.");
        if (client.MergedIntoId is not null)
            throw new CareValidationException("clientId", "This client record was merged into another; record the consent on the surviving record.");
        var now = time.GetUtcNow();
        consent.Id = Guid.CreateVersion7(now);
        consent.RecordedAt = now;
        consent.RevokedAt = null;
        consent.RevocationMethod = null;
        data.Add(consent);
        var cases = await data.ToListAsync(data.Query<Case>().Where(c => c.ClientId == consent.ClientId && c.Status != CaseStatus.Closed).Select(c => c.Id), cancellationToken);
        foreach (var caseId in cases)
        {
            CaseJournal.Record(data, caseId, now, "consent-recorded", $"Consent recorded for {consent.RecipientName}, expires {consent.ExpiresOn:yyyy-MM-dd}.");
            await CompleteTaskHandler.RaiseForOpenOfKindAsync(data, signals, caseId, CoordinatorTaskKind.RecordConsent, by, cancellationToken, exceptTaskId);
            await CompleteTaskHandler.RaiseForOpenOfKindAsync(data, signals, caseId, CoordinatorTaskKind.ObtainConsent, by, cancellationToken, exceptTaskId);
        }

        return consent;
    }
}
