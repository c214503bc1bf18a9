using System.Text.Json.Nodes;
using CareFlow.Web.Designer;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>The descriptor routes Studio calls when the editor loads (all cheap: activities are re-fetched after every save).</summary>
public static class DescriptorEndpoints
{
    public static RouteGroupBuilder MapDescriptors(this RouteGroupBuilder api)
    {
        api.MapGet("/descriptors/activities", async (StudioActivityDescriptors descriptors, IEnumerable<CareFlow.Workflows.Activities.IInputOptionsSource> sources, CancellationToken cancellationToken) =>
            List(await descriptors.GetDescriptorsAsync(sources, cancellationToken)));
        api.MapGet("/descriptors/expression-descriptors", (IOptions<DesignerOptions> options) => List(ExpressionDescriptors(options.Value.AllowScripts)));
        api.MapGet("/descriptors/workflow-activation-strategies", () => List(
            Strategy("typeName", "CareFlow.AllowAlways", "Always", "A new instance may always start.")));
        api.MapGet("/descriptors/log-persistence-strategies", () => List(
            Strategy("typeName", "Elsa.Workflows.LogPersistence.Strategies.Include, Elsa.Workflows.Core", "Include", "CareFlow journals every activity.")));
        api.MapGet("/descriptors/incident-strategies", () => List(
            Strategy("typeName", "Elsa.Workflows.IncidentStrategies.FaultStrategy, Elsa.Workflows.Core", "Fault", "A failing activity faults its instance with an incident a coordinator can retry.")));
        api.MapGet("/descriptors/commit-strategies/workflows", () => List());
        api.MapGet("/descriptors/commit-strategies/activities", () => List());
        api.MapGet("/descriptors/output-converters", () => List());
        api.MapGet("/features/installed", () => List());
        api.MapGet("/descriptors/storage-drivers", () => Items(
            StorageDriver("WorkflowStorageDriver", "Workflow", 0),
            StorageDriver("WorkflowInstanceStorageDriver", "Workflow instance", 1),
            StorageDriver("MemoryStorageDriver", "Memory", 2)));
        api.MapGet("/descriptors/variables", () => Items([.. VariableTypes.Select(t => (JsonNode)new JsonObject
        {
            ["typeName"] = t.TypeName, ["displayName"] = t.TypeName, ["category"] = t.Category, ["description"] = null,
        })]));
        return api;
    }

    private static readonly (string TypeName, string Category)[] VariableTypes =
    [
        ("String", "Primitives"), ("Boolean", "Primitives"), ("Int32", "Primitives"), ("Int64", "Primitives"),
        ("Double", "Primitives"), ("Decimal", "Primitives"), ("Guid", "Primitives"), ("DateTime", "Primitives"),
        ("DateTimeOffset", "Primitives"), ("TimeSpan", "Primitives"), ("Object", "Primitives"), ("String[]", "Primitives"),
        ("JSON", "Dynamic"), ("ObjectMap", "Dynamic"),
    ];

    /// <summary>
    /// Studio crashes without at least one scripting type (contract trap 3), so JavaScript is always listed;
    /// <c>isBrowsable</c> hides it from the menu unless scripts are allowed.
    /// </summary>
    internal static JsonNode[] ExpressionDescriptors(bool allowScripts) =>
    [
        Expression("Literal", "Literal", true),
        Expression("Object", "Object", true, "json"),
        Expression("Variable", "Variable", true),
        Expression("Input", "Input", true),
        Expression("JavaScript", "JavaScript", allowScripts, "javascript"),
    ];

    private static JsonObject Expression(string type, string displayName, bool browsable, string? monacoLanguage = null)
    {
        var properties = new JsonObject();
        if (monacoLanguage is not null)
            properties["MonacoLanguage"] = monacoLanguage;
        return new JsonObject
        {
            ["type"] = type, ["displayName"] = displayName, ["isSerializable"] = true, ["isBrowsable"] = browsable,
            ["properties"] = properties,
        };
    }

    private static JsonObject Strategy(string key, string typeName, string displayName, string description) =>
        new() { [key] = typeName, ["displayName"] = displayName, ["description"] = description };

    private static JsonObject StorageDriver(string typeName, string displayName, int priority) =>
        new() { ["typeName"] = typeName, ["displayName"] = displayName, ["priority"] = priority, ["deprecated"] = false };

    private static Ok<JsonObject> List(params JsonNode[] items) => List(new JsonArray(items));

    private static Ok<JsonObject> List(JsonArray items) =>
        TypedResults.Ok(new JsonObject { ["count"] = items.Count, ["items"] = items });

    /// <summary>Storage drivers and variable types come back without <c>count</c>, as the real server sends them.</summary>
    private static Ok<JsonObject> Items(params JsonNode[] items) => TypedResults.Ok(new JsonObject { ["items"] = new JsonArray(items) });
}
