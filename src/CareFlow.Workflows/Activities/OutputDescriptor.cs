namespace CareFlow.Workflows.Activities;

/// <summary>An activity output as Elsa Studio describes it.</summary>
/// <param name="Name">The PascalCase output name.</param>
/// <param name="TypeName">The Elsa type name.</param>
/// <param name="DisplayName">The label.</param>
/// <param name="Description">Help text.</param>
public sealed record OutputDescriptor(string Name, string TypeName, string DisplayName, string? Description)
{
    /// <summary>Display order.</summary>
    public float Order { get; init; }

    /// <summary>Whether the designer shows it.</summary>
    public bool IsBrowsable { get; init; } = true;

    /// <summary>Always false.</summary>
    public bool IsSynthetic { get; init; }
}
