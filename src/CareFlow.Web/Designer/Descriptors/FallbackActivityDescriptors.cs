using System.Text.Json.Nodes;

namespace CareFlow.Web.Designer.Descriptors;

/// <summary>
/// A few Elsa built-ins, used only when the engine's activity catalogue is not registered
/// (the engine adapter replaces it when the catalogue is registered).
/// </summary>
public sealed class FallbackActivityDescriptors : IStudioActivityDescriptors
{
    public JsonArray GetDescriptors() =>
    [
        Descriptor("Elsa.Flowchart", "Flow", "Flowchart", "A flowchart of activities.", [], [], isContainer: true),
        Descriptor("Elsa.Start", "Flow", "Start", "The start of the workflow.", ["Done"], [], isStart: true),
        Descriptor("Elsa.End", "Flow", "End", "Ends this path of the flowchart.", [], [], isTerminal: true),
        Descriptor("Elsa.Finish", "Flow", "Finish", "Finishes the workflow.", [], [], isTerminal: true),
        Descriptor("Elsa.WriteLine", "Primitives", "Write Line", "Writes a line of text to the journal.", ["Done"],
            [Input("Text", "String", "Text", "multiline")]),
        Descriptor("Elsa.FlowDecision", "Branching", "Decision", "Continues on True or False.", ["True", "False"],
            [Input("Condition", "Boolean", "Condition", "checkbox")]),
        Descriptor("Elsa.Delay", "Scheduling", "Delay", "Waits for a time span.", ["Done"],
            [Input("TimeSpan", "TimeSpan", "Time span", "singleline")]),
    ];

    internal static JsonObject Descriptor(string typeName, string category, string displayName, string description,
        string[] ports, JsonObject[] inputs, bool isContainer = false, bool isStart = false, bool isTerminal = false)
    {
        var dot = typeName.LastIndexOf('.');
        return new JsonObject
        {
            ["typeName"] = typeName,
            ["namespace"] = typeName[..dot],
            ["name"] = typeName[(dot + 1)..],
            ["version"] = 1,
            ["category"] = category,
            ["displayName"] = displayName,
            ["description"] = description,
            ["kind"] = "Action",
            ["isContainer"] = isContainer,
            ["isBrowsable"] = true,
            ["isStart"] = isStart,
            ["isTerminal"] = isTerminal,
            ["customProperties"] = new JsonObject(),
            ["constructionProperties"] = new JsonObject(),
            ["inputs"] = new JsonArray([.. inputs]),
            ["outputs"] = new JsonArray(),
            ["ports"] = new JsonArray([.. ports.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p, ["displayName"] = p, ["type"] = "Flow", ["isBrowsable"] = true,
            })]),
        };
    }

    internal static JsonObject Input(string name, string typeName, string displayName, string uiHint) => new()
    {
        ["name"] = name,
        ["typeName"] = typeName,
        ["displayName"] = displayName,
        ["description"] = null,
        ["order"] = 0,
        ["category"] = null,
        ["isBrowsable"] = true,
        ["isSynthetic"] = false,
        ["isWrapped"] = true,
        ["isReadOnly"] = false,
        ["isSensitive"] = false,
        ["uiHint"] = uiHint,
        ["defaultValue"] = null,
        ["defaultSyntax"] = "Literal",
        ["uiSpecifications"] = null,
        ["storageDriverType"] = null,
    };
}
