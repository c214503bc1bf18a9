using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Screening;

namespace CareFlow.Core.Care.Barriers;

/// <summary>Records a barrier a coordinator met on a case, linked to the need, referral, directory service and cost option involved.</summary>
public sealed class RecordBarrierHandler(ICareData data, TimeProvider time)
{
    /// <summary>The longest description accepted.</summary>
    public const int MaxDescriptionLength = 2000;

    /// <summary>Records <paramref name="barrier"/> for case <paramref name="caseId"/> under <paramref name="author"/>; the caller has checked the caseload.</summary>
    public async Task<AccessBarrier> HandleAsync(Guid caseId, NewBarrier barrier, string author, CancellationToken cancellationToken = default)
    {
        var recorded = await RecordAsync(caseId, barrier, author, cancellationToken);
        await data.SaveChangesAsync(cancellationToken);
        return recorded;
    }

    /// <summary>Checks the barrier and adds it to the unit of work without saving: the one recording both this use case and a task's form use.</summary>
    internal async Task<AccessBarrier> RecordAsync(Guid caseId, NewBarrier barrier, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(barrier);
        if (string.IsNullOrWhiteSpace(author)) throw new CareValidationException("author", "A barrier needs the name of the person who recorded it.");
        if (barrier.Category is not { } category || !Enum.IsDefined(category))
            throw new CareValidationException("category", $"Category is required: {string.Join(", ", Enum.GetNames<BarrierCategory>())}.");
        if (string.IsNullOrWhiteSpace(barrier.Description)) throw new CareValidationException("description", "Describe the barrier (no client identity).");
        if (barrier.Description.Trim().Length > MaxDescriptionLength) throw new CareValidationException("description", $"Keep the description under {MaxDescriptionLength} characters.");
        if (barrier.NeedId is { } nid && await data.CountAsync(data.Query<Need>().Where(n => n.Id == nid && n.CaseId == caseId), cancellationToken) == 0)
            throw new CareValidationException("needId", "Not a need of this case.");
        if (barrier.ReferralId is { } rid && await data.CountAsync(data.Query<Referral>().Where(r => r.Id == rid && r.CaseId == caseId), cancellationToken) == 0)
            throw new CareValidationException("referralId", "Not a referral of this case.");
        if (barrier.ServiceId is { } sid && await data.CountAsync(data.Query<Service>().Where(s => s.Id == sid), cancellationToken) == 0)
            throw new CareValidationException("serviceId", $"Unknown directory service '{sid}'.");
        if (barrier.CostOptionId is { } cid && await data.CountAsync(data.Query<CostOption>().Where(c => c.Id == cid), cancellationToken) == 0)
            throw new CareValidationException("costOptionId", $"Unknown cost option '{cid}'.");
        var now = time.GetUtcNow();
        var recorded = new AccessBarrier
        {
            Id = Guid.CreateVersion7(now), CaseId = caseId, Category = category, NeedId = barrier.NeedId, ReferralId = barrier.ReferralId,
            ServiceId = barrier.ServiceId, CostOptionId = barrier.CostOptionId, Description = barrier.Description.Trim(), RecordedAt = now, RecordedBy = author,
        };
        data.Add(recorded);
        return recorded;
    }
}

/// <summary>What a person says about a barrier: its category and description, and optionally the need, referral, service and cost option involved.</summary>
public sealed record NewBarrier(BarrierCategory? Category, string? Description, Guid? NeedId = null, Guid? ReferralId = null, string? ServiceId = null, string? CostOptionId = null);
