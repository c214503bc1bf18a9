using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Activities;

/// <summary>An activity type as Elsa Studio describes it: drives the toolbox and the property panel.</summary>
public sealed record ActivityDescriptor
{
    /// <summary>The JSON type name, e.g. <c>Elsa.WriteLine</c>.</summary>
    public required string TypeName { get; init; }

    /// <summary>The type-name namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The type-name's last part.</summary>
    public required string Name { get; init; }

    /// <summary>The activity version (always 1).</summary>
    public int Version { get; init; } = 1;

    /// <summary>The toolbox group.</summary>
    public required string Category { get; init; }

    /// <summary>The name shown in the designer.</summary>
    public required string DisplayName { get; init; }

    /// <summary>What the activity does.</summary>
    public string? Description { get; init; }

    /// <summary>Action, Trigger, Job or Task.</summary>
    public ActivityKind Kind { get; init; }

    /// <summary>Whether it holds other activities.</summary>
    public bool IsContainer { get; init; }

    /// <summary>Whether the toolbox lists it.</summary>
    public bool IsBrowsable { get; init; } = true;

    /// <summary>Whether it is a designated start.</summary>
    public bool IsStart { get; init; }

    /// <summary>Whether it ends its flowchart or workflow.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Free-form designer properties.</summary>
    public JsonObject CustomProperties { get; init; } = [];

    /// <summary>Construction properties (unused by CareFlow, sent because Studio reads them).</summary>
    public JsonObject ConstructionProperties { get; init; } = [];

    /// <summary>The inputs.</summary>
    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];

    /// <summary>The outputs.</summary>
    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];

    /// <summary>The static outbound ports.</summary>
    public IReadOnlyList<PortDescriptor> Ports { get; init; } = [];
}
