using System.Text.Json.Nodes;

namespace CareFlow.Benchmarks.Scenarios;

/// <summary>The Elsa 3 definitions the bench runs.</summary>
public static class BenchDefinitions
{
    public const string PingEvent = "ping";

    /// <summary>Start → Event "ping", whose Done port loops back to itself: every resume ends on a fresh ping bookmark.</summary>
    public static JsonObject Ping(string definitionId) => Flowchart(definitionId, "Bench ping loop",
        [Activity("start", "Elsa.Start"), Activity("ping", "Elsa.Event", ("eventName", Literal(PingEvent, "String")))],
        [Connect("start", "ping"), Connect("ping", "ping")]);

    /// <summary>Start → Delay (→ done): one timer bookmark, then the instance finishes.</summary>
    public static JsonObject Timer(string definitionId, TimeSpan delay) => Flowchart(definitionId, "Bench timer",
        [Activity("start", "Elsa.Start"), Activity("delay", "Elsa.Delay", ("timeSpan", Literal(delay.ToString("c", System.Globalization.CultureInfo.InvariantCulture), "TimeSpan")))],
        [Connect("start", "delay")]);

    private static JsonObject Flowchart(string definitionId, string name, JsonObject[] activities, JsonObject[] connections) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = name,
        ["version"] = 1,
        ["variables"] = new JsonArray(),
        ["root"] = new JsonObject
        {
            ["id"] = "Flowchart1",
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["activities"] = new JsonArray([.. activities]),
            ["connections"] = new JsonArray([.. connections]),
        },
    };

    private static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (name, value) in inputs) activity[name] = value;
        return activity;
    }

    private static JsonObject Literal(string value, string typeName) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Connect(string from, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = "Done" },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };
}
