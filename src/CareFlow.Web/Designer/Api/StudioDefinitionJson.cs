using System.Globalization;
using System.Text.Json.Nodes;
using CareFlow.Web.Designer.Definitions;

namespace CareFlow.Web.Designer.Api;

/// <summary>Studio's JSON shapes for definitions: the full WorkflowDefinition (with links) and the list summary.</summary>
public static class StudioDefinitionJson
{
    private const string Api = "/elsa/api";

    /// <summary>The full definition. <c>links</c> carry <c>publish</c> only for callers who may design (Studio is read-only otherwise).</summary>
    public static JsonObject Definition(StoredDefinitionVersion version, bool canDesign)
    {
        var document = version.ParseDocument();
        DefinitionDocuments.Stamp(document, version);
        DefinitionDocuments.AddRevisionToken(document, version.Revision);
        return Complete(document, version.DefinitionId, version.Id, canDesign);
    }

    /// <summary>A definition id nobody has saved yet: an empty draft shown without storing anything.</summary>
    public static JsonObject Unsaved(string definitionId, bool canDesign, DateTimeOffset now)
    {
        var document = DefinitionDocuments.NewDocument(definitionId);
        var id = DefinitionDocuments.NewId();
        document["id"] = id;
        document["version"] = 1;
        document["isLatest"] = true;
        document["isPublished"] = false;
        document["createdAt"] = now.ToString("O", CultureInfo.InvariantCulture);
        return Complete(document, definitionId, id, canDesign);
    }

    /// <summary>A list row; Studio enables a row's publish/delete actions only when it carries a <c>publish</c> link.</summary>
    public static JsonObject Summary(StoredDefinitionVersion version, bool canDesign)
    {
        var document = version.ParseDocument();
        return new JsonObject
        {
            ["id"] = version.Id,
            ["definitionId"] = version.DefinitionId,
            ["name"] = version.Name,
            ["description"] = DefinitionDocuments.Text(document["description"]),
            ["version"] = version.Version,
            ["toolVersion"] = DefinitionDocuments.Text(document["toolVersion"]) ?? "3.8.0.0",
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
}
