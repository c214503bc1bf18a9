namespace CareFlow.Core.Care.Referrals;

/// <summary>
/// A closed-loop referral: the FHIR-style ServiceRequest (what is asked, for which need, under which consent) and
/// the Task that tracks its fulfilment with the Gravity status value set.
/// </summary>
public sealed class Referral
{
    public Guid Id { get; set; }

    /// <summary>The opaque reference a provider sees (never the client's name).</summary>
    public string Reference { get; set; } = "";

    public Guid CaseId { get; set; }

    public Guid ClientId { get; set; }

    public Guid? NeedId { get; set; }

    public string Category { get; set; } = "";

    public string ServiceId { get; set; } = "";

    public string OrganizationId { get; set; } = "";

    public Guid ConsentId { get; set; }

    public bool DoNotContactClient { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? ResponseDueAt { get; set; }

    /// <summary>Task.status.</summary>
    public ReferralTaskStatus Status { get; set; }

    /// <summary>Task.statusReason, required for rejected, cancelled, on-hold and failed.</summary>
    public ReferralStatusReason? StatusReason { get; set; }

    public string? StatusReasonText { get; set; }

    public DateTimeOffset LastModifiedAt { get; set; }
}
