namespace CareFlow.Core.Care.Plans;

/// <summary>The stabilization plan of a case: goals and check-ins until the client is stable enough for referrals.</summary>
public sealed class StabilizationPlan
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the coordinator judges the client stable; the workflow hands over to referral.</summary>
    public DateTimeOffset? StableAt { get; set; }
}
