using System.Globalization;
using System.Text.Json.Nodes;
using CareFlow.Web.Designer.Descriptors;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Designer.Definitions;

/// <summary>
/// The designer-side checks: a flowchart root, known activity types, unique ids, connections between existing
/// activities and allowed expression types (no scripts unless <c>CareFlow:Designer:AllowScripts</c>). Runs in
/// front of the engine's own validator, which checks ports, inputs and scripts in depth.
/// </summary>
public sealed class BasicDefinitionValidator(IStudioActivityDescriptors descriptors, IOptions<DesignerOptions> options)
    : IStudioDefinitionValidator
{
    private static readonly HashSet<string> PlainExpressionTypes = new(StringComparer.Ordinal) { "Literal", "Object", "Json", "Variable", "Input" };

    public IReadOnlyList<DefinitionProblem> Validate(JsonObject definition)
    {
        var problems = new List<DefinitionProblem>();
        var known = descriptors.ByTypeName();
        if (definition["root"] is not JsonObject root)
        {
            problems.Add(new("$.root", "root is required and must be an Elsa.Flowchart activity."));
            return problems;
        }
        if (root["type"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || (string?)root["type"] != "Elsa.Flowchart")
            problems.Add(new("$.root.type", "The root must be an Elsa.Flowchart."));
        ValidateFlowchart(root, "$.root", known, problems);
        return problems;
    }

    private void ValidateFlowchart(JsonObject flowchart, string path, Dictionary<string, JsonObject> known, List<DefinitionProblem> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (flowchart["activities"] is JsonArray activities)
        {
            for (var i = 0; i < activities.Count; i++)
            {
                var at = string.Create(CultureInfo.InvariantCulture, $"{path}.activities[{i}]");
                if (activities[i] is not JsonObject activity)
                {
                    problems.Add(new(at, "An activity must be an object."));
                    continue;
                }
                var id = Text(activity["id"]);
                if (string.IsNullOrWhiteSpace(id))
                    problems.Add(new(at + ".id", "The activity needs an id."));
                else if (!ids.Add(id))
                    problems.Add(new(at + ".id", $"The activity id '{id}' is used twice."));
                var type = Text(activity["type"]);
                if (type is null || !known.ContainsKey(type))
                    problems.Add(new(at + ".type", $"Unknown activity type '{type}'."));
                ValidateExpressions(activity, at, problems);
                if (type == "Elsa.Flowchart")
                    ValidateFlowchart(activity, at, known, problems);
            }
        }
        else if (flowchart["activities"] is not null)
        {
            problems.Add(new(path + ".activities", "activities must be an array."));
        }

        if (flowchart["connections"] is not JsonArray connections)
            return;
        for (var i = 0; i < connections.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}.connections[{i}]");
            if (connections[i] is not JsonObject connection)
            {
                problems.Add(new(at, "A connection must be an object."));
                continue;
            }
            foreach (var end in new[] { "source", "target" })
            {
                var activityId = connection[end] is JsonObject endpoint ? Text(endpoint["activity"]) : Text(connection[end]);
                if (activityId is null || !ids.Contains(activityId))
                    problems.Add(new($"{at}.{end}", $"The connection's {end} '{activityId}' is not an activity of this flowchart."));
            }
        }
    }

    private void ValidateExpressions(JsonObject activity, string path, List<DefinitionProblem> problems)
    {
        foreach (var (name, value) in activity)
        {
            if (value is not JsonObject input || input["expression"] is not JsonObject expression)
                continue;
            var type = Text(expression["type"]);
            if (type is null || PlainExpressionTypes.Contains(type))
                continue;
            if (type == "JavaScript" && options.Value.AllowScripts)
                continue;
            problems.Add(new($"{path}.{name}.expression.type", type == "JavaScript"
                ? "Scripts are turned off in this CareFlow (CareFlow:Designer:AllowScripts); use a Literal, Variable or Input."
                : $"The expression type '{type}' is not supported; use a Literal, Object, Variable or Input."));
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
