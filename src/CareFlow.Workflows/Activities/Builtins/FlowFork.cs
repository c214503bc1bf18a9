using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Follows every named branch at once (interleaved, not parallel).</summary>
[Activity("Elsa", Category = "Branching", DisplayName = "Fork (flow)", HasNamedOutcomesOnly = true, FollowsEveryPort = true, Description = "Splits the flow into branches.")]
public sealed class FlowFork : Activity
{
    /// <summary>The branch names, which become ports.</summary>
    [Input(UIHint = "dynamic-outcomes", Description = "The branch names.")]
    public List<string>? Branches { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(Branches is { Count: > 0 } ? ActivityResult.WithOutcomes(Branches) : ActivityResult.Done);

    /// <inheritdoc />
    public override IReadOnlyList<string>? GetDynamicPorts(JsonObject node)
    {
        // Ports are read statically from a literal/object expression; scripts cannot name ports.
        var value = node["branches"] is JsonObject wrapped ? wrapped["expression"]?["value"] : null;
        var array = value switch
        {
            JsonArray a => a,
            JsonValue v when v.TryGetValue(out string? text) && text.TrimStart().StartsWith('[') => JsonNode.Parse(text) as JsonArray,
            _ => null,
        };
        var names = array?.Select(n => n?.ToString()).OfType<string>().ToList() ?? [];
        return names.Count > 0 ? names : [ActivityPorts.Done];
    }
}
