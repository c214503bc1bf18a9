using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Web.Designer;
using CareFlow.Web.Security;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>
/// Studio's write routes: save/publish, publish, retract, revert, delete; all need <see cref="CareFlowPolicies.Designer"/>.
/// Each translates Elsa's JSON contract onto <see cref="WorkflowDefinitionService"/>: an invalid definition is a 400
/// naming its JSON path, a stale save (or a save that lost a race) a 409.
/// </summary>
public static class WorkflowDefinitionCommands
{
    public static RouteGroupBuilder MapWorkflowDefinitionCommands(this RouteGroupBuilder api)
    {
        var writes = api.MapGroup("").RequireAuthorization(CareFlowPolicies.Designer).RefuseMalformedIds();
        writes.AddEndpointFilter(RefuseConflicts);
        writes.MapPost("/workflow-definitions", SaveAsync);
        writes.MapPost("/workflow-definitions/{definitionId}/publish", async (string definitionId, HttpContext context, WorkflowDefinitionService definitions, CancellationToken ct) =>
            Saved(await definitions.PublishAsync(definitionId, ct), context, definitionId));
        writes.MapPost("/workflow-definitions/{definitionId}/retract", async (string definitionId, HttpContext context, WorkflowDefinitionService definitions, CancellationToken ct) =>
        {
            var latest = await definitions.RetractAsync(definitionId, ct);
            return latest is null ? NotFound(definitionId) : Results.Ok(StudioDefinitionJson.Definition(latest, true));
        });
        writes.MapPost("/workflow-definitions/{definitionId}/revert/{version:int}", async (string definitionId, int version, WorkflowDefinitionService definitions, CancellationToken ct) =>
        {
            var draft = await definitions.RevertAsync(definitionId, version, ct);
            return draft is null
                ? StudioRequests.Problem(StatusCodes.Status404NotFound, $"Workflow '{definitionId}' has no version {version}.")
                : Results.Ok(StudioDefinitionJson.Summary(draft, true));
        });
        writes.MapDelete("/workflow-definitions/{definitionId}", async (string definitionId, WorkflowDefinitionService definitions, CancellationToken ct) =>
            await definitions.DeleteAsync(definitionId, ct) ? Results.NoContent() : NotFound(definitionId));
        writes.MapDelete("/workflow-definition-versions/{id}", async (string id, WorkflowDefinitionService definitions, CancellationToken ct) =>
            await definitions.DeleteVersionAsync(id, ct)
                ? Results.NoContent()
                : StudioRequests.Problem(StatusCodes.Status404NotFound, $"No workflow definition version '{id}'."));
        writes.MapPost("/bulk-actions/delete/workflow-definitions/by-definition-id", BulkDeleteAsync);
        writes.MapPost("/bulk-actions/publish/workflow-definitions/by-definition-ids", BulkPublishAsync);
        writes.MapPost("/bulk-actions/retract/workflow-definitions/by-definition-ids", BulkRetractAsync);
        return api;
    }

    private static async Task<IResult> SaveAsync(HttpContext context, WorkflowDefinitionService definitions, IOptions<DesignerOptions> designer,
        CancellationToken cancellationToken)
    {
        var (body, error) = await StudioRequests.ReadObjectAsync(context.Request, optional: false, cancellationToken);
        if (error is not null)
            return error;
        if (body!["model"] is not JsonObject model)
            return StudioRequests.Invalid([new DefinitionError("$.model", "model is required and must be a workflow definition object.")]);
        // publish is a JSON boolean or absent; "yes", 1 or "true" are refused rather than guessed at.
        var publish = false;
        if (body["publish"] is { } flag)
        {
            if (flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                return StudioRequests.Invalid([new DefinitionError("$.publish", "publish must be true or false.")]);
            publish = flag.GetValue<bool>();
        }
        try
        {
            var validation = new ValidationOptions { AllowScripts = designer.Value.AllowScripts };
            var saved = await definitions.SaveAsync(model, publish, validation, StudioRequests.SessionOf(context), cancellationToken);
            return Saved(saved.Definition, context, saved.Definition.DefinitionId, saved.Document);
        }
        catch (DefinitionException ex)
        {
            return StudioRequests.Invalid([.. ex.Errors.Select(e => e with { Path = "$.model" + e.Path[1..] })]);
        }
    }

    /// <summary>
    /// A change that is stale, or that lost a race with another change of the same definition, is a 409; a stored version
    /// that no longer validates (a revert) is a 400. Nothing was written either way.
    /// </summary>
    private static async ValueTask<object?> RefuseConflicts(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DefinitionConflictException ex)
        {
            return StudioRequests.Problem(StatusCodes.Status409Conflict, ex.Message, "Stale save");
        }
        catch (DefinitionException ex)
        {
            return StudioRequests.Invalid(ex.Errors);
        }
    }

    private static IResult Saved(StoredDefinition? version, HttpContext context, string definitionId, JsonObject? document = null) =>
        version is null
            ? NotFound(definitionId)
            : TypedResults.Ok(new JsonObject
            {
                ["workflowDefinition"] = StudioDefinitionJson.Definition(version, StudioRequests.CanDesign(context), document),
                ["alreadyPublished"] = false,
                ["consumingWorkflowCount"] = 0,
                ["validationErrors"] = new JsonArray(),
            });

    private static async Task<IResult> BulkDeleteAsync(HttpContext context, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var (ids, error) = await ReadDefinitionIdsAsync(context, cancellationToken);
        if (error is not null)
            return error;
        var deleted = 0;
        foreach (var id in ids)
            deleted += await definitions.DeleteAsync(id, cancellationToken) ? 1 : 0;
        return TypedResults.Ok(new JsonObject { ["deleted"] = deleted });
    }

    private static async Task<IResult> BulkPublishAsync(HttpContext context, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var (ids, error) = await ReadDefinitionIdsAsync(context, cancellationToken);
        if (error is not null)
            return error;
        JsonArray published = [], alreadyPublished = [], notFound = [];
        foreach (var id in ids)
        {
            var latest = await definitions.GetAsync(id, VersionOptions.Latest, cancellationToken);
            if (latest is null)
                notFound.Add(id);
            else if (latest.IsPublished)
                alreadyPublished.Add(id);
            else if (await definitions.PublishAsync(id, cancellationToken) is not null)
                published.Add(id);
        }
        return TypedResults.Ok(new JsonObject
        {
            ["published"] = published, ["alreadyPublished"] = alreadyPublished, ["notFound"] = notFound,
            ["skipped"] = new JsonArray(), ["updatedConsumers"] = new JsonArray(),
        });
    }

    private static async Task<IResult> BulkRetractAsync(HttpContext context, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var (ids, error) = await ReadDefinitionIdsAsync(context, cancellationToken);
        if (error is not null)
            return error;
        JsonArray retracted = [], alreadyRetracted = [], notFound = [];
        foreach (var id in ids)
        {
            var published = await definitions.GetAsync(id, VersionOptions.Published, cancellationToken);
            if (published is null)
                (await definitions.GetAsync(id, VersionOptions.Latest, cancellationToken) is null ? notFound : alreadyRetracted).Add(id);
            else if (await definitions.RetractAsync(id, cancellationToken) is not null)
                retracted.Add(id);
        }
        return TypedResults.Ok(new JsonObject
        {
            ["retracted"] = retracted, ["alreadyRetracted"] = alreadyRetracted, ["notFound"] = notFound, ["skipped"] = new JsonArray(),
        });
    }

    private static async Task<(IReadOnlyList<string> Ids, IResult? Error)> ReadDefinitionIdsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (body, error) = await StudioRequests.ReadObjectAsync(context.Request, optional: false, cancellationToken);
        if (error is not null)
            return ([], error);
        if (body!["definitionIds"] is not JsonArray array)
            return ([], StudioRequests.Invalid([new DefinitionError("$.definitionIds", "definitionIds must be an array of definition ids.")]));
        var problems = array
            .Select((item, i) => (Id: Text(item), Path: string.Create(CultureInfo.InvariantCulture, $"$.definitionIds[{i}]")))
            .Where(x => !DefinitionTextRules.IsValidId(x.Id))
            .Select(x => new DefinitionError(x.Path, $"Not a definition id: a string matching {DefinitionTextRules.IdPattern}."))
            .ToList();
        return problems.Count > 0 ? ([], StudioRequests.Invalid(problems)) : ([.. array.Select(i => Text(i)!)], null);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static ProblemHttpResult NotFound(string definitionId) =>
        StudioRequests.Problem(StatusCodes.Status404NotFound, $"No workflow '{definitionId}'.");
}
