using System.Globalization;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Screening;
using Microsoft.Extensions.Options;

namespace CareFlow.Core.Care.Barriers;

/// <summary>
/// Records a barrier a coordinator met on a case, linked to the need, referral, directory service and cost option
/// involved; a cost barrier carries the amount (in the configured currency) and no other barrier does. A barrier is
/// recorded open, or already resolved with what resolved it.
/// </summary>
public sealed class RecordBarrierHandler(ICareData data, IOptions<BarrierOptions> options, TimeProvider time)
{
    /// <summary>The longest description accepted.</summary>
    public const int MaxDescriptionLength = 2000;

    /// <summary>The largest cost amount accepted.</summary>
    public const decimal MaxCostAmount = 1_000_000m;

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
        var cost = CheckCost(category, barrier.CostAmount);
        if (string.IsNullOrWhiteSpace(barrier.Description)) throw new CareValidationException("description", "Describe the barrier (no client identity).");
        if (barrier.Description.Trim().Length > MaxDescriptionLength) throw new CareValidationException("description", $"Keep the description under {MaxDescriptionLength} characters.");
        var status = barrier.Status ?? BarrierStatus.Open;
        if (!Enum.IsDefined(status)) throw new CareValidationException("status", $"Status is one of: {string.Join(", ", Enum.GetNames<BarrierStatus>())}.");
        string? resolution = null;
        if (status == BarrierStatus.Resolved) resolution = ResolveBarrierHandler.CheckResolution(barrier.Resolution);
        else if (!string.IsNullOrWhiteSpace(barrier.Resolution)) throw new CareValidationException("resolution", "Only a resolved barrier has a resolution.");
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
            ServiceId = barrier.ServiceId, CostOptionId = barrier.CostOptionId, CostAmount = cost, CostCurrency = cost is null ? null : options.Value.Currency,
            Description = barrier.Description.Trim(), RecordedAt = now, RecordedBy = author, Status = status,
            Resolution = resolution, ResolvedAt = resolution is null ? null : now, ResolvedBy = resolution is null ? null : author,
        };
        data.Add(recorded);
        return recorded;
    }

    /// <summary>The amount a cost barrier must carry and no other may: not negative, at most <see cref="MaxCostAmount"/>, whole cents.</summary>
    private static decimal? CheckCost(BarrierCategory category, decimal? amount)
    {
        if (category != BarrierCategory.Cost)
        {
            return amount is null ? null
                : throw new CareValidationException("costAmount", "A cost amount belongs only to a barrier of category Cost.");
        }
        if (amount is not { } value) throw new CareValidationException("costAmount", "Give the amount the client was asked to pay.");
        if (value < 0) throw new CareValidationException("costAmount", "The cost cannot be negative.");
        if (value > MaxCostAmount)
            throw new CareValidationException("costAmount", string.Create(CultureInfo.InvariantCulture, $"Keep the cost at or under {MaxCostAmount:0}."));
        if (decimal.Round(value, 2) != value) throw new CareValidationException("costAmount", "Give the cost to the cent (at most two decimals).");
        return value;
    }
}

/// <summary>
/// What a person says about a barrier: its category and what was done, optionally the need, referral, service and cost
/// option involved, the cost amount (cost barriers only), and whether it is already resolved and by what.
/// </summary>
public sealed record NewBarrier(BarrierCategory? Category, string? Description, Guid? NeedId = null, Guid? ReferralId = null, string? ServiceId = null,
    string? CostOptionId = null, decimal? CostAmount = null, BarrierStatus? Status = null, string? Resolution = null);
