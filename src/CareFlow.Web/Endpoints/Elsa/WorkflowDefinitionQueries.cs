using System.Globalization;
using System.Text.Json.Nodes;
using CareFlow.Workflows.Management;

namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>Studio's read routes for definitions: load, list, version history, export.</summary>
public static class WorkflowDefinitionQueries
{
    public static RouteGroupBuilder MapWorkflowDefinitionQueries(this RouteGroupBuilder api)
    {
        api.MapGet("/workflow-definitions", ListAsync);
        api.MapGet("/workflow-definitions/by-definition-id/{definitionId}", GetByDefinitionIdAsync).RefuseMalformedIds();
        api.MapGet("/workflow-definitions/by-id/{id}", GetByIdAsync).RefuseMalformedIds();
        api.MapGet("/workflow-definitions/many-by-id", GetManyAsync);
        api.MapGet("/workflow-definitions/query/count", async (WorkflowDefinitionService definitions, CancellationToken ct) =>
            TypedResults.Ok(new JsonObject { ["count"] = (await LoadAsync(definitions, VersionOptions.Latest, ct)).Count }));
        api.MapGet("/workflow-definitions/validation/is-name-unique", IsNameUniqueAsync);
        api.MapGet("/workflow-definitions/{definitionId}/export", ExportAsync).RefuseMalformedIds();
        return api;
    }

    /// <summary>
    /// Never 404s for an id Studio asks about (a 404 crashes the editor): an unknown id yields an unsaved empty
    /// draft, stored only when a designer first saves it, so looking at ids creates nothing.
    /// </summary>
    private static async Task<IResult> GetByDefinitionIdAsync(string definitionId, string? versionOptions, HttpContext context,
        WorkflowDefinitionService definitions, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryParse(versionOptions, out var selector))
            return StudioRequests.Problem(StatusCodes.Status400BadRequest, $"Unknown versionOptions '{versionOptions}'.");
        var version = await definitions.GetAsync(definitionId, selector, cancellationToken);
        if (version is not null)
            return TypedResults.Ok(StudioDefinitionJson.Definition(version, StudioRequests.CanDesign(context)));
        var exists = await definitions.GetAsync(definitionId, VersionOptions.AllVersions, cancellationToken);
        return exists is null
            ? TypedResults.Ok(StudioDefinitionJson.Unsaved(definitionId, StudioRequests.CanDesign(context), clock.GetUtcNow()))
            : StudioRequests.Problem(StatusCodes.Status404NotFound, $"Workflow '{definitionId}' has no version matching {versionOptions}.");
    }

    private static async Task<IResult> GetByIdAsync(string id, HttpContext context, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var version = await definitions.FindVersionAsync(id, cancellationToken);
        return version is null
            ? StudioRequests.Problem(StatusCodes.Status404NotFound, $"No workflow definition version '{id}'.")
            : TypedResults.Ok(StudioDefinitionJson.Definition(version, StudioRequests.CanDesign(context)));
    }

    private static async Task<IResult> GetManyAsync(HttpContext context, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var ids = context.Request.Query["ids"].Where(i => !string.IsNullOrEmpty(i)).ToHashSet(StringComparer.Ordinal);
        var all = await LoadAsync(definitions, VersionOptions.AllVersions, cancellationToken);
        var canDesign = StudioRequests.CanDesign(context);
        var items = all.Where(v => ids.Contains(v.Id)).Select(v => (JsonNode)StudioDefinitionJson.Definition(v, canDesign)).ToArray();
        return TypedResults.Ok(new JsonObject { ["items"] = new JsonArray(items), ["count"] = items.Length });
    }

    private static async Task<IResult> IsNameUniqueAsync(string? name, string? definitionId, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var latest = await LoadAsync(definitions, VersionOptions.Latest, cancellationToken);
        var taken = latest.Any(v => v.DefinitionId != definitionId && string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
        return TypedResults.Ok(new JsonObject { ["isUnique"] = !taken });
    }

    private static async Task<IResult> ExportAsync(string definitionId, string? versionOptions, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        if (!TryParse(versionOptions, out var selector))
            return StudioRequests.Problem(StatusCodes.Status400BadRequest, $"Unknown versionOptions '{versionOptions}'.");
        var version = await definitions.GetAsync(definitionId, selector, cancellationToken);
        if (version is null)
            return StudioRequests.Problem(StatusCodes.Status404NotFound, $"No workflow '{definitionId}' to export.");
        var json = StudioDefinitionJson.Export(version).ToJsonString(StudioJson.Indented);
        var fileName = string.Concat(definitionId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')) + ".json";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json + "\n"), "application/json", fileName);
    }

    private static async Task<IResult> ListAsync(HttpContext context, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (!TryParse(query["versionOptions"], out var selector))
            return StudioRequests.Problem(StatusCodes.Status400BadRequest, $"Unknown versionOptions '{query["versionOptions"]}'.");
        if (!TryInt(query["Page"], 0, out var page) || !TryInt(query["PageSize"], 100, out var pageSize) || pageSize == 0 || pageSize > 1000)
            return StudioRequests.Problem(StatusCodes.Status400BadRequest, "Page and PageSize must be whole numbers (PageSize 1 to 1000).");
        var definitionIds = query["DefinitionIds"].Where(i => !string.IsNullOrEmpty(i)).ToHashSet(StringComparer.Ordinal);
        var search = query["SearchTerm"].ToString();
        var systemOnly = string.Equals(query["IsSystem"], "true", StringComparison.OrdinalIgnoreCase);

        IEnumerable<StoredDefinition> items = systemOnly ? [] : (await definitions.ListAsync(new DefinitionQuery
        {
            VersionOptions = selector,
            DefinitionIds = definitionIds.Count > 0 ? [.. definitionIds.OfType<string>()] : null,
            SearchTerm = search.Length > 0 ? search : null,
        }, cancellationToken)).Items;
        var descending = string.Equals(query["OrderDirection"], "Descending", StringComparison.OrdinalIgnoreCase);
        Func<StoredDefinition, IComparable> key = query["OrderBy"].ToString() switch
        {
            "Version" => v => v.Version,
            "Created" => v => v.CreatedAt,
            _ => v => (v.Name ?? v.DefinitionId).ToUpperInvariant(),
        };
        var ordered = (descending ? items.OrderByDescending(key) : items.OrderBy(key)).ToList();
        var canDesign = StudioRequests.CanDesign(context);
        var pageItems = ordered.Skip(page * pageSize).Take(pageSize).Select(v => (JsonNode)StudioDefinitionJson.Summary(v, canDesign)).ToArray();
        // Studio 3.8 enables "Create workflow" and the bulk actions only when the list carries a bulk-publish link.
        var links = new JsonArray();
        if (canDesign)
        {
            links.Add(StudioDefinitionJson.Link(ElsaApiGroup.Prefix + "/workflow-definitions", "create", "POST"));
            links.Add(StudioDefinitionJson.Link(ElsaApiGroup.Prefix + "/bulk-actions/publish/workflow-definitions/by-definition-ids", "bulk-publish", "POST"));
        }
        return TypedResults.Ok(new JsonObject
        {
            ["items"] = new JsonArray(pageItems),
            ["totalCount"] = ordered.Count,
            ["links"] = links,
        });
    }

    /// <summary>Elsa's <c>versionOptions</c> query value; Latest when absent.</summary>
    private static bool TryParse(string? text, out VersionOptions options)
    {
        var parsed = string.IsNullOrWhiteSpace(text) ? VersionOptions.Latest : VersionOptions.Parse(text);
        options = parsed ?? VersionOptions.Latest;
        return parsed is not null;
    }

    private static async Task<IReadOnlyList<StoredDefinition>> LoadAsync(WorkflowDefinitionService definitions, VersionOptions options, CancellationToken cancellationToken) =>
        (await definitions.ListAsync(new DefinitionQuery { VersionOptions = options }, cancellationToken)).Items;

    private static bool TryInt(string? text, int fallback, out int value)
    {
        value = fallback;
        return string.IsNullOrEmpty(text) || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 0);
    }
}
