namespace CareFlow.Workflows.Activities;

/// <summary>Marks a property of an activity as an output, which a definition can bind to a variable.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class OutputAttribute : Attribute
{
    /// <summary>The label shown in the designer.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Help text shown in the designer.</summary>
    public string? Description { get; init; }
}
