using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Definitions;

/// <summary>A parsed Elsa 3 workflow definition. <see cref="Json"/> keeps the whole document, so writing it back loses nothing.</summary>
public sealed class WorkflowDefinition
{
    /// <summary>The full definition document.</summary>
    public required JsonObject Json { get; init; }

    /// <summary>The definition id, shared by all versions.</summary>
    public required string DefinitionId { get; init; }

    /// <summary>The version id, unique per version (may be empty before it is stored).</summary>
    public string Id { get; init; } = "";

    /// <summary>The version number, 1-based.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The display name.</summary>
    public string? Name { get; init; }

    /// <summary>The root flowchart.</summary>
    public required FlowchartModel Root { get; init; }

    /// <summary>Definition-level variables.</summary>
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    /// <summary>Every variable in scope for the root flowchart: flowchart variables first, then workflow variables.</summary>
    public IEnumerable<VariableDefinition> AllVariables => Root.Variables.Concat(Variables);
}
