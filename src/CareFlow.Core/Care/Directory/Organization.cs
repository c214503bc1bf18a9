namespace CareFlow.Core.Care.Directory;

/// <summary>HSDS <c>organization</c>.</summary>
public sealed class Organization
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    /// <summary>When the record was last imported or edited here, to show freshness.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
