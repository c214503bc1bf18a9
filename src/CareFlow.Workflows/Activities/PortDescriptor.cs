namespace CareFlow.Workflows.Activities;

/// <summary>An outbound flow port as Elsa Studio describes it.</summary>
/// <param name="Name">The port name.</param>
/// <param name="DisplayName">The label.</param>
public sealed record PortDescriptor(string Name, string DisplayName)
{
    /// <summary>Always <c>Flow</c>.</summary>
    public string Type { get; init; } = "Flow";

    /// <summary>Whether the designer shows it.</summary>
    public bool IsBrowsable { get; init; } = true;
}
