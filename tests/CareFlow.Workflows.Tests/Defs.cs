using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Tests;

/// <summary>Builds small Elsa definitions for tests.</summary>
internal static class Defs
{
    public static JsonObject Literal(object? value, string typeName = "String") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = JsonValue.Create(value) } };

    public static JsonObject Script(string code, string typeName = "Object") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = code } };

    public static JsonObject Activity(string id, string type, params (string Name, JsonNode? Value)[] inputs)
    {
        var a = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (name, value) in inputs) a[name] = value;
        return a;
    }

    public static JsonObject WriteLine(string id, string text) => Activity(id, "Elsa.WriteLine", ("text", Literal(text)));

    public static JsonObject Connect(string from, string to, string port = "Done") =>
        new() { ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" } };

    public static JsonObject Workflow(JsonObject[] activities, JsonObject[] connections, JsonArray? variables = null) => new()
    {
        ["definitionId"] = "test",
        ["name"] = "Test",
        ["version"] = 1,
        ["variables"] = variables ?? [],
        ["customProperties"] = new JsonObject { ["kept"] = "yes" },
        ["root"] = new JsonObject
        {
            ["id"] = "fc", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["activities"] = new JsonArray([.. activities]),
            ["connections"] = new JsonArray([.. connections]),
        },
    };

    public static JsonObject Variable(string id, string name, string typeName, string? value) =>
        new() { ["id"] = id, ["name"] = name, ["typeName"] = typeName, ["isArray"] = false, ["value"] = value, ["storageDriverTypeName"] = "WorkflowStorageDriver" };
}
