using System.Text.Json.Nodes;
using CareFlow.Workflows.Expressions;

namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Follows the port of the first (or every) case whose condition is true, else <c>Default</c>.</summary>
[Activity("Elsa", Category = "Branching", DisplayName = "Switch (flow)", HasNamedOutcomesOnly = true, Description = "Follows the matching case.")]
[FlowPort("Default")]
public sealed class FlowSwitch : Activity
{
    /// <summary>The cases: <c>[{label, condition}]</c>.</summary>
    [Input(IsWrapped = false, UIHint = "flow-switch-editor", Description = "The cases to evaluate.")]
    public JsonNode? Cases { get; set; }

    /// <summary>MatchFirst or MatchAny.</summary>
    [Input(Description = "Follow the first matching case or every one.", DefaultValue = "MatchFirst")]
    public SwitchMode Mode { get; set; } = SwitchMode.MatchFirst;

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var matches = new List<string>();
        foreach (var (label, condition) in Read(Cases))
        {
            var value = context.Evaluate(condition);
            if (value is not null && ValueConverter.Convert(value, typeof(bool)) is true)
            {
                matches.Add(label);
                if (Mode == SwitchMode.MatchFirst) break;
            }
        }

        return ValueTask.FromResult(ActivityResult.WithOutcomes(matches.Count > 0 ? matches : ["Default"]));
    }

    /// <inheritdoc />
    public override IReadOnlyList<string>? GetDynamicPorts(JsonObject node) => [.. Read(node["cases"]).Select(c => c.Label)];

    private static IEnumerable<(string Label, JsonNode? Condition)> Read(JsonNode? cases) =>
        (cases as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => (Label: c["label"]?.GetValue<string>() ?? "", Condition: c["condition"]))
            .Where(c => c.Label.Length > 0);
}
