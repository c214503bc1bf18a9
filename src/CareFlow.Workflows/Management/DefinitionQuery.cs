namespace CareFlow.Workflows.Management;

/// <summary>A definition list query, in the shape of Elsa's list route.</summary>
public sealed record DefinitionQuery
{
    /// <summary>Which versions.</summary>
    public VersionOptions VersionOptions { get; init; } = VersionOptions.Latest;

    /// <summary>Only these definitions, when set.</summary>
    public IReadOnlyList<string>? DefinitionIds { get; init; }

    /// <summary>Matches name or definition id, case-insensitive.</summary>
    public string? SearchTerm { get; init; }

    /// <summary>Zero-based page; null returns everything.</summary>
    public int? Page { get; init; }

    /// <summary>Page size.</summary>
    public int? PageSize { get; init; }

    /// <summary>Name, Version or CreatedAt.</summary>
    public string OrderBy { get; init; } = "Name";

    /// <summary>Whether to sort descending.</summary>
    public bool Descending { get; init; }
}
