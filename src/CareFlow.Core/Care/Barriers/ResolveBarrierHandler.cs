namespace CareFlow.Core.Care.Barriers;

/// <summary>Marks an open barrier resolved: what resolved it, who recorded that and when. A resolved barrier stays resolved.</summary>
public sealed class ResolveBarrierHandler(ICareData data, TimeProvider time)
{
    /// <summary>The longest resolution accepted.</summary>
    public const int MaxResolutionLength = 2000;

    /// <summary>
    /// Resolves barrier <paramref name="barrierId"/> of case <paramref name="caseId"/> with <paramref name="resolution"/>
    /// under <paramref name="author"/>; the caller has checked the caseload. Null when the case has no such barrier;
    /// throws <see cref="BarrierAlreadyResolvedException"/> when it is resolved already.
    /// </summary>
    public async Task<AccessBarrier?> HandleAsync(Guid caseId, Guid barrierId, string? resolution, string author, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(author)) throw new CareValidationException("author", "A resolution needs the name of the person who recorded it.");
        var text = CheckResolution(resolution);
        var barrier = await data.FirstOrDefaultAsync(data.Query<AccessBarrier>().Where(b => b.Id == barrierId && b.CaseId == caseId), cancellationToken);
        if (barrier is null) return null;
        if (barrier.Status == BarrierStatus.Resolved) throw new BarrierAlreadyResolvedException(barrier);
        barrier.Status = BarrierStatus.Resolved;
        barrier.Resolution = text;
        barrier.ResolvedAt = time.GetUtcNow();
        barrier.ResolvedBy = author;
        await data.SaveChangesAsync(cancellationToken);
        return barrier;
    }

    /// <summary>The trimmed resolution, or a refusal naming the field <c>resolution</c>.</summary>
    internal static string CheckResolution(string? resolution)
    {
        if (string.IsNullOrWhiteSpace(resolution)) throw new CareValidationException("resolution", "Say what resolved the barrier.");
        var text = resolution.Trim();
        return text.Length <= MaxResolutionLength ? text
            : throw new CareValidationException("resolution", $"Keep the resolution under {MaxResolutionLength} characters.");
    }
}
