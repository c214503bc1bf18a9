using System.Text.Json.Nodes;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>Elsa 3 definition models for the reliability tests. Activity ids are fixed so the journal can be checked per activity.</summary>
public static class WorkflowModels
{
    public const string Timer = "timer";
    public const string Event = "event";
    public const string Join = "join";

    /// <summary>Fork → (Delay for input <c>delay</c> | Event <paramref name="eventName"/>, correlated by the instance's correlation id) → Join WaitAll → End.</summary>
    public static JsonObject TimerAndEvent(string definitionId, string eventName) => Flowchart(
        definitionId,
        [
            Activity("fork", "Elsa.FlowFork", ("branches", Object("[\"Timer\",\"Event\"]", "String[]"))),
            Activity(Timer, "Elsa.Delay", ("timeSpan", InputRef("delay", "TimeSpan"))),
            Activity(Event, "Elsa.Event", ("eventName", Literal(eventName))),
            Activity(Join, "Elsa.FlowJoin", ("mode", Literal("WaitAll", "FlowJoinMode"))),
            Activity("end", "Elsa.End"),
        ],
        [Connect("fork", Timer, "Timer"), Connect("fork", Event, "Event"), Connect(Timer, Join), Connect(Event, Join), Connect(Join, "end")]);

    /// <summary>Waits for one event, then ends.</summary>
    public static JsonObject SingleEvent(string definitionId, string eventName) => Flowchart(
        definitionId,
        [Activity(Event, "Elsa.Event", ("eventName", Literal(eventName))), Activity("end", "Elsa.End")],
        [Connect(Event, "end")]);

    /// <summary>Fork → (Event a | Event b) → Join WaitAll → End: two bookmarks on one instance.</summary>
    public static JsonObject TwoEvents(string definitionId) => Flowchart(
        definitionId,
        [
            Activity("fork", "Elsa.FlowFork", ("branches", Object("[\"A\",\"B\"]", "String[]"))),
            Activity("a", "Elsa.Event", ("eventName", Literal("a"))),
            Activity("b", "Elsa.Event", ("eventName", Literal("b"))),
            Activity(Join, "Elsa.FlowJoin", ("mode", Literal("WaitAll", "FlowJoinMode"))),
            Activity("end", "Elsa.End"),
        ],
        [Connect("fork", "a", "A"), Connect("fork", "b", "B"), Connect("a", Join), Connect("b", Join), Connect(Join, "end")]);

    /// <summary>Delay for input <c>delay</c>, then Event <paramref name="eventName"/> (correlated), then End.</summary>
    public static JsonObject DelayThenEvent(string definitionId, string eventName) => Flowchart(
        definitionId,
        [
            Activity(Timer, "Elsa.Delay", ("timeSpan", InputRef("delay", "TimeSpan"))),
            Activity(Event, "Elsa.Event", ("eventName", Literal(eventName))),
            Activity("end", "Elsa.End"),
        ],
        [Connect(Timer, Event), Connect(Event, "end")]);

    /// <summary>Delay for input <c>delay</c>, then End.</summary>
    public static JsonObject DelayOnly(string definitionId) => Flowchart(
        definitionId,
        [Activity(Timer, "Elsa.Delay", ("timeSpan", InputRef("delay", "TimeSpan"))), Activity("end", "Elsa.End")],
        [Connect(Timer, "end")]);

    private static JsonObject Literal(string value, string typeName = "String") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Object(string json, string typeName) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = json } };

    private static JsonObject InputRef(string name, string typeName) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Input", ["value"] = name } };

    private static JsonObject Activity(string id, string type, params (string Name, JsonNode? Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["nodeId"] = $"Workflow1:flowchart:{id}", ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (name, value) in inputs) activity[name] = value;
        return activity;
    }

    private static JsonObject Connect(string from, string to, string port = "Done") => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    private static JsonObject Flowchart(string definitionId, JsonObject[] activities, JsonObject[] connections) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = definitionId,
        ["version"] = 1,
        ["variables"] = new JsonArray(),
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["activities"] = new JsonArray([.. activities]),
            ["connections"] = new JsonArray([.. connections]),
        },
    };
}
