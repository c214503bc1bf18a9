namespace CareFlow.Core.Care.Clients;

/// <summary>
/// What a coordinator entered at intake. The intake workflow receives only this row's id, so client details never
/// enter workflow state; RegisterOrMatchClient writes its outcome back here for the caller to read.
/// </summary>
public sealed class IntakeRequest
{
    public Guid Id { get; set; }

    public string GivenName { get; set; } = "";

    public string FamilyName { get; set; } = "";

    public DateOnly DateOfBirth { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? PreferredLanguage { get; set; }

    public bool DoNotContact { get; set; }

    public string CoordinatorId { get; set; } = "";

    public string CoordinatorName { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    public ClientMatchKind? MatchKind { get; set; }

    public Guid? ClientId { get; set; }

    public Guid? CaseId { get; set; }

    /// <summary>The existing client this one may duplicate (a coordinator reviews it).</summary>
    public Guid? PossibleDuplicateOfId { get; set; }

    /// <summary>
    /// A client on another caseload this one may be the same person as. Never shown to the coordinator; the
    /// supervisors' duplicate-review queue reads it to put the two records side by side.
    /// </summary>
    public Guid? CrossCaseloadMatchId { get; set; }
}
