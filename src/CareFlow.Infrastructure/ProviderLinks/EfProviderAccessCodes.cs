using CareFlow.Core.ProviderLinks;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.ProviderLinks;

/// <summary>The one-time codes' conditional updates on the scoped <see cref="CareFlowDbContext"/>.</summary>
public sealed class EfProviderAccessCodes(CareFlowDbContext db) : IProviderAccessCodes
{
    public async Task<bool> TryTakeAttemptAsync(Guid codeId, int maxAttempts, CancellationToken cancellationToken = default) =>
        await db.Set<ProviderAccessCode>()
            .Where(c => c.Id == codeId && c.UsedAt == null && c.FailedAttempts < maxAttempts)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), cancellationToken) == 1;

    public async Task<bool> SpendAndRecordAsync(Guid codeId, DateTimeOffset usedAt, DisclosureRecord disclosure, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var spent = await db.Set<ProviderAccessCode>().Where(c => c.Id == codeId && c.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedAt, usedAt), cancellationToken);
        if (spent != 1) return false;
        db.Set<DisclosureRecord>().Add(disclosure);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
