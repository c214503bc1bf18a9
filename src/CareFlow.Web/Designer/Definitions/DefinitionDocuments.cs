using System.Globalization;
using System.Text.Json.Nodes;

namespace CareFlow.Web.Designer.Definitions;

/// <summary>Small helpers over definition JSON shared by the service, the API and provisioning.</summary>
public static class DefinitionDocuments
{
    /// <summary>The key in <c>customProperties</c> that carries the save revision Studio round-trips (the concurrency token).</summary>
    public const string RevisionProperty = "careflow:revision";

    public const string SchemaUrl = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    /// <summary>Fields the server owns or derives; they are never taken from a client's model.</summary>
    private static readonly string[] ServerOwned = ["$schema", "links", "materializerName", "providerName", "materializerContext"];

    public static string NewId() => Guid.NewGuid().ToString("N")[..16];

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public static int? Number(JsonNode? node) =>
        node is JsonValue value && (value.TryGetValue(out int number)
            || (value.TryGetValue(out string? text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number)))
            ? number
            : null;

    /// <summary>A copy of <paramref name="model"/> without the server-owned fields.</summary>
    public static JsonObject CleanModel(JsonObject model)
    {
        var document = (JsonObject)model.DeepClone();
        foreach (var field in ServerOwned)
            document.Remove(field);
        if (document["customProperties"] is JsonObject properties)
            properties.Remove(RevisionProperty);
        return document;
    }

    /// <summary>Reads the revision token from a model, when the client sent one.</summary>
    public static int? ReadRevision(JsonObject model) =>
        model["customProperties"] is JsonObject properties ? Number(properties[RevisionProperty]) : null;

    /// <summary>Stamps the server-owned version fields onto a stored document.</summary>
    public static void Stamp(JsonObject document, StoredDefinitionVersion version)
    {
        document["id"] = version.Id;
        document["definitionId"] = version.DefinitionId;
        document["version"] = version.Version;
        document["isLatest"] = version.IsLatest;
        document["isPublished"] = version.IsPublished;
        document["createdAt"] = version.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
        document["toolVersion"] ??= "3.8.0.0";
    }

    /// <summary>Adds the revision token Studio round-trips with its next save (only in responses to Studio).</summary>
    public static void AddRevisionToken(JsonObject document, int revision)
    {
        if (document["customProperties"] is not JsonObject properties)
            document["customProperties"] = properties = [];
        properties[RevisionProperty] = revision;
    }

    /// <summary>An empty flowchart with a Start activity: what a designer sees for a definition id not yet saved.</summary>
    public static JsonObject NewDocument(string definitionId)
    {
        var flowchartId = NewId();
        var startId = NewId();
        return new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = definitionId,
            ["description"] = null,
            ["toolVersion"] = "3.8.0.0",
            ["variables"] = new JsonArray(),
            ["inputs"] = new JsonArray(),
            ["outputs"] = new JsonArray(),
            ["outcomes"] = new JsonArray(),
            ["customProperties"] = new JsonObject(),
            ["isReadonly"] = false,
            ["isSystem"] = false,
            ["options"] = new JsonObject { ["autoUpdateConsumingWorkflows"] = false, ["usableAsActivity"] = false },
            ["root"] = new JsonObject
            {
                ["id"] = flowchartId,
                ["nodeId"] = $"Workflow1:{flowchartId}",
                ["name"] = "Flowchart1",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["customProperties"] = new JsonObject(),
                ["metadata"] = new JsonObject(),
                ["activities"] = new JsonArray(new JsonObject
                {
                    ["id"] = startId,
                    ["nodeId"] = $"Workflow1:{flowchartId}:{startId}",
                    ["name"] = "Start1",
                    ["type"] = "Elsa.Start",
                    ["version"] = 1,
                    ["customProperties"] = new JsonObject { ["canStartWorkflow"] = false, ["runAsynchronously"] = false },
                    ["metadata"] = new JsonObject
                    {
                        ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 } },
                    },
                }),
                ["connections"] = new JsonArray(),
                ["variables"] = new JsonArray(),
            },
        };
    }

    /// <summary>
    /// The definition as an Elsa 3 file for <c>workflows/</c>: <c>$schema</c> first, server bookkeeping removed.
    /// </summary>
    public static JsonObject ToExport(StoredDefinitionVersion version)
    {
        var document = version.ParseDocument();
        Stamp(document, version);
        if (document["customProperties"] is JsonObject properties)
            properties.Remove(RevisionProperty);
        var export = new JsonObject { ["$schema"] = SchemaUrl };
        foreach (var (key, value) in document.ToList())
        {
            document.Remove(key);
            export[key] = value;
        }
        return export;
    }
}
