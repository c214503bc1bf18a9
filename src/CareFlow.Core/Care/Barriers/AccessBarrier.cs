namespace CareFlow.Core.Care.Barriers;

/// <summary>
/// Something that blocks a client's access, linked to the need, referral, service and cost option involved; what it
/// cost the client when cost is the barrier; open until someone records what resolved it.
/// </summary>
public sealed class AccessBarrier
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public BarrierCategory Category { get; set; }

    public Guid? NeedId { get; set; }

    public Guid? ReferralId { get; set; }

    public string? ServiceId { get; set; }

    public string? CostOptionId { get; set; }

    /// <summary>What the client was asked to pay; only on a cost barrier.</summary>
    public decimal? CostAmount { get; set; }

    /// <summary>The ISO 4217 currency of <see cref="CostAmount"/>.</summary>
    public string? CostCurrency { get; set; }

    /// <summary>What happened and what was done.</summary>
    public string Description { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public BarrierStatus Status { get; set; } = BarrierStatus.Open;

    /// <summary>What resolved the barrier, in the words of the person who recorded it.</summary>
    public string? Resolution { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }
}
