namespace CareFlow.Workflows.Activities;

/// <summary>Declares a named outbound port (outcome) of an activity.</summary>
/// <param name="name">The port name, e.g. <c>True</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class FlowPortAttribute(string name) : Attribute
{
    /// <summary>The port name.</summary>
    public string Name { get; } = name;

    /// <summary>The label shown in the designer; defaults to the name.</summary>
    public string? DisplayName { get; init; }
}
