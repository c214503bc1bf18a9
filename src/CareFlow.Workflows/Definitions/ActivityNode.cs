using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Definitions;

/// <summary>One activity of a flowchart, as read from the definition JSON.</summary>
/// <param name="Id">The activity id, unique within the flowchart.</param>
/// <param name="Type">The activity type name, e.g. <c>Elsa.WriteLine</c>.</param>
/// <param name="Name">The designer's name for the activity, if any.</param>
/// <param name="Json">The activity's JSON object, kept whole so inputs and unknown properties survive.</param>
/// <param name="Path">The JSON path of the activity in its document.</param>
public sealed record ActivityNode(string Id, string Type, string? Name, JsonObject Json, string Path)
{
    /// <summary>The activity's node id (<c>Workflow1:&lt;flowchart&gt;:&lt;id&gt;</c>), from the JSON or derived.</summary>
    public string NodeId { get; init; } = Id;

    /// <summary>Whether <c>customProperties.canStartWorkflow</c> (or the legacy top-level flag) is true.</summary>
    public bool CanStartWorkflow =>
        Json["customProperties"] is JsonObject custom && custom["canStartWorkflow"] is JsonValue v && v.TryGetValue(out bool flag) ? flag
        : Json["canStartWorkflow"] is JsonValue legacy && legacy.TryGetValue(out bool legacyFlag) && legacyFlag;
}
