namespace CareFlow.Core.Care.Clients;

/// <summary>A person on a caseload. The normalised columns serve duplicate matching at intake.</summary>
public sealed class Client
{
    public Guid Id { get; set; }

    public string GivenName { get; set; } = "";

    public string FamilyName { get; set; } = "";

    public string NormalizedName { get; set; } = "";

    public DateOnly DateOfBirth { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? NormalizedPhone { get; set; }

    public string? NormalizedEmail { get; set; }

    public string? PreferredLanguage { get; set; }

    /// <summary>Providers must not contact the client directly; copied onto every referral.</summary>
    public bool DoNotContact { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Set when a supervisor merged this record into another (the survivor): its cases, consents and ledger rows moved
    /// there, and it is no longer listed, searched or matched at intake. The row itself is kept.
    /// </summary>
    public Guid? MergedIntoId { get; set; }

    /// <summary>When the record was merged into <see cref="MergedIntoId"/>.</summary>
    public DateTimeOffset? MergedAt { get; set; }
}
