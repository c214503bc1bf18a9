namespace CareFlow.Core.ProviderLinks;

/// <summary>
/// The one-time codes' two atomic steps, each a conditional update in the database, so that parallel entries can
/// neither check more guesses than allowed nor spend one code twice.
/// </summary>
public interface IProviderAccessCodes
{
    /// <summary>Takes one attempt of an unused code still under <paramref name="maxAttempts"/>; false when none is left.</summary>
    Task<bool> TryTakeAttemptAsync(Guid codeId, int maxAttempts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Spends the code (only if nobody else just did) and writes the disclosure ledger entry, in one transaction;
    /// false, and nothing written, when it was already spent.
    /// </summary>
    Task<bool> SpendAndRecordAsync(Guid codeId, DateTimeOffset usedAt, DisclosureRecord disclosure, CancellationToken cancellationToken = default);
}
