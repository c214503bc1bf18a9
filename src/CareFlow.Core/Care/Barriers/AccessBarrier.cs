namespace CareFlow.Core.Care.Barriers;

/// <summary>Something that blocks a client's access, linked to the need, referral, service and cost option involved.</summary>
public sealed class AccessBarrier
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public BarrierCategory Category { get; set; }

    public Guid? NeedId { get; set; }

    public Guid? ReferralId { get; set; }

    public string? ServiceId { get; set; }

    public string? CostOptionId { get; set; }

    public string Description { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}
