using System.Globalization;
using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Definitions;

/// <summary>Reads an <c>Elsa.Flowchart</c> object: activities, nested or flat connections, and variables.</summary>
internal static class FlowchartReader
{
    public const string FlowchartType = "Elsa.Flowchart";

    public static FlowchartModel? Read(JsonObject json, string path, List<DefinitionError> errors)
    {
        var type = WorkflowDefinitionParser.ReadString(json, "type", path + ".type", errors, required: true);
        if (type is not null && type != FlowchartType)
        {
            errors.Add(new DefinitionError(path + ".type", $"The root activity must be {FlowchartType}, not '{type}'."));
            return null;
        }

        var id = WorkflowDefinitionParser.ReadString(json, "id", path + ".id", errors, required: false) ?? "Flowchart1";
        var activities = ReadActivities(json, id, path, errors);
        var ids = activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var connections = ReadConnections(json["connections"], path + ".connections", ids, errors);
        var variables = WorkflowDefinitionParser.ReadVariables(json["variables"], path + ".variables", errors);
        return new FlowchartModel(id, activities, connections, variables);
    }

    private static List<ActivityNode> ReadActivities(JsonObject json, string flowchartId, string path, List<DefinitionError> errors)
    {
        var result = new List<ActivityNode>();
        var items = JsonArrays.Unwrap(json["activities"]);
        if (items is null)
        {
            if (json["activities"] is not null) errors.Add(new DefinitionError(path + ".activities", "activities must be an array."));
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}.activities[{i}]");
            if (items[i] is not JsonObject a)
            {
                errors.Add(new DefinitionError(itemPath, "An activity must be an object."));
                continue;
            }

            var id = WorkflowDefinitionParser.ReadString(a, "id", itemPath + ".id", errors, required: true);
            var type = WorkflowDefinitionParser.ReadString(a, "type", itemPath + ".type", errors, required: true);
            if (id is null || type is null) continue;
            if (!seen.Add(id))
            {
                errors.Add(new DefinitionError(itemPath + ".id", $"Duplicate activity id '{id}'."));
                continue;
            }

            var name = a["name"] is JsonValue n && n.TryGetValue(out string? s) ? s : null;
            var nodeId = a["nodeId"] is JsonValue nid && nid.TryGetValue(out string? ns) && !string.IsNullOrEmpty(ns) ? ns : $"Workflow1:{flowchartId}:{id}";
            result.Add(new ActivityNode(id, type, name, a, itemPath) { NodeId = nodeId });
        }

        return result;
    }

    private static List<Connection> ReadConnections(JsonNode? node, string path, HashSet<string> ids, List<DefinitionError> errors)
    {
        var result = new List<Connection>();
        var items = JsonArrays.Unwrap(node);
        if (items is null)
        {
            if (node is not null) errors.Add(new DefinitionError(path, "connections must be an array."));
            return result;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            if (items[i] is not JsonObject c)
            {
                errors.Add(new DefinitionError(itemPath, "A connection must be an object."));
                continue;
            }

            var source = Endpoint(c, "source", "Source");
            var target = Endpoint(c, "target", "Target");
            if (source.Activity is null || target.Activity is null)
            {
                errors.Add(new DefinitionError(itemPath, "A connection needs a source and a target activity."));
                continue;
            }

            // Flat (legacy) connections carry their ports beside the ids.
            var sourcePort = source.Port ?? Str(c, "sourcePort", "SourcePort");
            var targetPort = target.Port ?? Str(c, "targetPort", "TargetPort");
            foreach (var (end, label) in new[] { (source.Activity, "source"), (target.Activity, "target") })
            {
                if (!ids.Contains(end)) errors.Add(new DefinitionError($"{itemPath}.{label}", $"The connection's {label} activity '{end}' does not exist."));
            }

            result.Add(new Connection(source.Activity, sourcePort, target.Activity, targetPort, i));
        }

        return result;
    }

    private static (string? Activity, string? Port) Endpoint(JsonObject c, string camel, string pascal)
    {
        var node = c[camel] ?? c[pascal];
        return node switch
        {
            JsonValue v when v.TryGetValue(out string? s) => (s, null),
            JsonObject o => (Str(o, "activity", "Activity"), Str(o, "port", "Port")),
            _ => (null, null),
        };
    }

    private static string? Str(JsonObject o, string camel, string pascal) =>
        (o[camel] ?? o[pascal]) is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
