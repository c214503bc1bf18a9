using System.Globalization;
using System.Text.Json.Nodes;
using CareFlow.Workflows.Management;

namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>Studio's JSON shapes for definitions: the full WorkflowDefinition (with links), the list summary and the exported file.</summary>
public static class StudioDefinitionJson
{
    private const string Api = ElsaApiGroup.Prefix;

    /// <summary>The <c>$schema</c> an exported file starts with.</summary>
    public const string SchemaUrl = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    /// <summary>
    /// The full definition with the revision token Studio round-trips with its next save. <c>links</c> carry
    /// <c>publish</c> only for callers who may design (Studio is read-only otherwise). <paramref name="document"/>
    /// is the version's document when the caller has it already (a save's result); it is completed in place.
    /// </summary>
    public static JsonObject Definition(StoredDefinition version, bool canDesign, JsonObject? document = null)
    {
        document ??= WorkflowDefinitionService.ReadDocument(version);
        if (document["customProperties"] is not JsonObject properties)
            document["customProperties"] = properties = [];
        properties[WorkflowDefinitionService.RevisionProperty] = version.Revision;
        return Complete(document, version.DefinitionId, version.Id, canDesign);
    }

    /// <summary>A definition id nobody has saved yet: an empty draft shown without storing anything.</summary>
    public static JsonObject Unsaved(string definitionId, bool canDesign, DateTimeOffset now)
    {
        var document = NewDocument(definitionId);
        var id = WorkflowDefinitionService.NewId();
        document["id"] = id;
        document["version"] = 1;
        document["isLatest"] = true;
        document["isPublished"] = false;
        document["createdAt"] = now.ToString("O", CultureInfo.InvariantCulture);
        return Complete(document, definitionId, id, canDesign);
    }

    /// <summary>A list row; Studio enables a row's publish/delete actions only when it carries a <c>publish</c> link.</summary>
    public static JsonObject Summary(StoredDefinition version, bool canDesign)
    {
        var document = JsonNode.Parse(version.Json) as JsonObject ?? [];
        return new JsonObject
        {
            ["id"] = version.Id,
            ["definitionId"] = version.DefinitionId,
            ["name"] = version.Name,
            ["description"] = version.Description,
            ["version"] = version.Version,
            ["toolVersion"] = document["toolVersion"] is JsonValue tool && tool.TryGetValue(out string? toolVersion) ? toolVersion : WorkflowDefinitionService.ToolVersion,
            ["isLatest"] = version.IsLatest,
            ["isPublished"] = version.IsPublished,
            ["providerName"] = "Default",
            ["materializerName"] = "Json",
            ["createdAt"] = version.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["isReadonly"] = document["isReadonly"] is JsonValue r && r.TryGetValue(out bool isReadonly) && isReadonly,
            ["links"] = canDesign
                ? new JsonArray(Link($"{Api}/workflow-definitions/{Uri.EscapeDataString(version.DefinitionId)}/publish", "publish", "POST"))
                : new JsonArray(),
        };
    }

    /// <summary>The definition as an Elsa 3 file for <c>workflows/</c>: <c>$schema</c> first, server bookkeeping removed.</summary>
    public static JsonObject Export(StoredDefinition version)
    {
        var document = WorkflowDefinitionService.ReadDocument(version);
        var export = new JsonObject { ["$schema"] = SchemaUrl };
        foreach (var (key, value) in document.ToList())
        {
            document.Remove(key);
            export[key] = value;
        }
        return export;
    }

    /// <summary>A hypermedia link in Studio's shape.</summary>
    public static JsonObject Link(string href, string rel, string method) =>
        new() { ["href"] = href, ["rel"] = rel, ["method"] = method };

    private static JsonObject Complete(JsonObject document, string definitionId, string versionId, bool canDesign)
    {
        document["materializerName"] = "Json";
        document["providerName"] = "Default";
        document["isReadonly"] ??= false;
        document["isSystem"] ??= false;
        foreach (var list in new[] { "variables", "inputs", "outputs", "outcomes" })
        {
            if (document[list] is not JsonArray)
                document[list] = new JsonArray();
        }
        if (document["options"] is not JsonObject)
            document["options"] = new JsonObject();
        var id = Uri.EscapeDataString(definitionId);
        var links = new JsonArray(Link($"{Api}/workflow-definitions/by-id/{Uri.EscapeDataString(versionId)}", "self", "GET"));
        if (canDesign)
        {
            links.Add(Link($"{Api}/workflow-definitions/{id}/publish", "publish", "POST"));
            links.Add(Link($"{Api}/workflow-definitions/{id}/retract", "retract", "POST"));
            links.Add(Link($"{Api}/workflow-definitions/{id}", "delete", "DELETE"));
        }
        links.Add(Link($"{Api}/workflow-definitions/{id}/export", "export", "GET"));
        document["links"] = links;
        return document;
    }

    /// <summary>An empty flowchart with a Start activity: what a designer sees for a definition id not yet saved.</summary>
    private static JsonObject NewDocument(string definitionId)
    {
        var flowchartId = WorkflowDefinitionService.NewId();
        var startId = WorkflowDefinitionService.NewId();
        return new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = definitionId,
            ["description"] = null,
            ["toolVersion"] = WorkflowDefinitionService.ToolVersion,
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
}
