namespace CareFlow.Core.Care.Plans;

/// <summary>The stabilization plan of a case: goals and check-ins until the client is stable enough for referrals.</summary>
public sealed class StabilizationPlan
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the coordinator judges the client stable; the workflow hands over to referral.</summary>
    public DateTimeOffset? StableAt { get; set; }

    /// <summary>What the client wants to work on, in their words, as the coordinator wrote it with them.</summary>
    public string? ClientWants { get; set; }

    /// <summary>The coordinator who wrote the plan with the client (a user name); null while nobody has.</summary>
    public string? WrittenBy { get; set; }
}
