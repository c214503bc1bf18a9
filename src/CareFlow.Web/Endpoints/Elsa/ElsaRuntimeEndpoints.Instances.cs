using System.Globalization;
using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Access;
using CareFlow.Core.Workflows;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Elsa;

public static partial class ElsaRuntimeEndpoints
{
    private static readonly string[] SubStatusNames = Enum.GetNames<WorkflowSubStatus>();
    private static readonly string[] StatusNames = Enum.GetNames<WorkflowStatus>();

    private static async Task<IResult> GetInstanceAsync(string id, WorkflowInstanceQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, cancellationToken) is { } r
            ? TypedResults.Json(InstanceJson.Full(r, WorkflowStateSerializer.Deserialize(r.State)), InstanceJson.Options)
            : NotFound(id);

    private static async Task<IResult> DeleteInstanceAsync(string id, HttpContext http, ICareData data, WorkflowInstanceQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } record || !await MayChangeAsync(http, data, record, cancellationToken)) return NotFound(id);
        return await queries.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);
    }

    private static async Task<IResult> GetExecutionStateAsync(string id, WorkflowInstanceQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, cancellationToken) is { } r ? TypedResults.Ok(new { status = r.Status, subStatus = r.SubStatus, updatedAt = r.UpdatedAt }) : NotFound(id);

    private static async Task<IResult> GetVariablesAsync(string id, WorkflowInstanceQueries queries, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } r) return NotFound(id);
        var state = WorkflowStateSerializer.Deserialize(r.State);
        var names = await definitions.GetVariableNamesAsync(r.DefinitionVersionId, cancellationToken);
        var items = state.Variables.Select(v => new { id = v.Key, name = names.GetValueOrDefault(v.Key, v.Key), value = v.Value }).ToList();
        return TypedResults.Json(new { items, count = items.Count }, InstanceJson.Options);
    }

    private static async Task<IResult> GetJournalAsync(string id, HttpContext http, WorkflowInstanceQueries queries, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (!TryInt(query, "page", out var page) || !TryInt(query, "pageSize", out var pageSize) || !TryInt(query, "skip", out var skip) || !TryInt(query, "take", out var take))
            return JsonBody.Invalid("query", "page, pageSize, skip and take must be non-negative whole numbers.");
        if (await queries.FindAsync(id, cancellationToken) is null) return NotFound(id);
        IReadOnlyCollection<string>? activityIds = null;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            var (body, problem) = await JsonBody.ReadAsync(http.Request, cancellationToken);
            if (problem is not null) return problem;
            activityIds = (body["filter"]?["activityIds"] as JsonArray)?.Select(n => n?.ToString()).OfType<string>().ToList();
        }

        var size = Math.Clamp(take ?? pageSize ?? 100, 1, 1000);
        var offset = skip ?? (page ?? 0) * size;
        var (items, total) = await queries.JournalAsync(id, offset, size, activityIds, cancellationToken);
        return TypedResults.Json(new { items = items.Select(InstanceJson.Journal), totalCount = total }, InstanceJson.Options);
    }

    private static async Task<IResult> ListInstancesAsync(HttpContext http, WorkflowInstanceQueries queries, CancellationToken cancellationToken)
    {
        JsonObject body;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            (body, var problem) = await JsonBody.ReadAsync(http.Request, cancellationToken);
            if (problem is not null) return problem;
        }
        else
        {
            body = [];
            foreach (var (key, value) in http.Request.Query) body[char.ToLowerInvariant(key[0]) + key[1..]] = value.Count > 1 ? new JsonArray([.. value.Select(v => (JsonNode?)v)]) : value.ToString();
        }

        if (!TryFilter(body, out var filter, out var error)) return error!;
        var (items, total) = await queries.ListAsync(filter, cancellationToken);
        return TypedResults.Json(new { items = items.Select(InstanceJson.Summary), totalCount = total }, InstanceJson.Options);
    }

    /// <summary>200 when cancelled (or already finished), 404 for an unknown instance or one the caller may not change.</summary>
    private static async Task<IResult> CancelAsync(string id, HttpContext http, ICareData data, WorkflowInstanceQueries queries, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } record || !await MayChangeAsync(http, data, record, cancellationToken)) return NotFound(id);
        return await runtime.CancelAsync(id, cancellationToken) ? TypedResults.Ok() : NotFound(id);
    }

    private static async Task<IResult> RetryAsync(string id, HttpContext http, ICareData data, WorkflowInstanceQueries queries, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } record || !await MayChangeAsync(http, data, record, cancellationToken)) return NotFound(id);
        var state = WorkflowStateSerializer.Deserialize(record.State);
        if (state.SubStatus != WorkflowSubStatus.Faulted)
            return TypedResults.Problem("Only a faulted instance can be retried.", statusCode: StatusCodes.Status409Conflict);
        var retried = await runtime.RetryAsync(id, cancellationToken);
        return TypedResults.Json(new { workflowState = retried }, InstanceJson.Options);
    }

    private static bool TryFilter(JsonObject body, out InstanceFilter filter, out IResult? problem)
    {
        filter = new InstanceFilter();
        problem = null;
        List<string>? Strings(string name) => body[name] switch
        {
            JsonArray a => [.. a.Select(n => n?.ToString()).OfType<string>()],
            JsonValue v when v.ToString() is { Length: > 0 } s => [s],
            _ => null,
        };
        var statuses = Strings("statuses") ?? Strings("status");
        var subStatuses = Strings("subStatuses") ?? Strings("subStatus");
        if (statuses?.FirstOrDefault(s => !StatusNames.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } badStatus)
        {
            problem = JsonBody.Invalid("$.status", $"'{badStatus}' is not a status (Running, Finished).");
            return false;
        }

        if (subStatuses?.FirstOrDefault(s => !SubStatusNames.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } badSub)
        {
            problem = JsonBody.Invalid("$.subStatus", $"'{badSub}' is not a sub-status ({string.Join(", ", SubStatusNames)}).");
            return false;
        }

        int? Number(string name) => body[name]?.ToString() is { } s && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if ((body["page"] is not null && Number("page") is null) || (body["pageSize"] is not null && Number("pageSize") is not > 0))
        {
            problem = JsonBody.Invalid("$.page", "page must be a non-negative number and pageSize a positive one.");
            return false;
        }

        filter = new InstanceFilter
        {
            DefinitionIds = Strings("definitionIds") ?? Strings("definitionId"),
            CorrelationId = body["correlationId"]?.ToString(),
            Statuses = statuses?.Select(s => StatusNames.First(n => n.Equals(s, StringComparison.OrdinalIgnoreCase))).ToList(),
            SubStatuses = subStatuses?.Select(s => SubStatusNames.First(n => n.Equals(s, StringComparison.OrdinalIgnoreCase))).ToList(),
            HasIncidents = bool.TryParse(body["hasIncidents"]?.ToString(), out var hasIncidents) ? hasIncidents : null,
            SearchTerm = body["searchTerm"]?.ToString(),
            Page = Number("page"),
            PageSize = Number("pageSize"),
            Ascending = string.Equals(body["orderDirection"]?.ToString(), "Ascending", StringComparison.OrdinalIgnoreCase),
        };
        return true;
    }

    private static bool TryInt(IQueryCollection query, string name, out int? value)
    {
        value = null;
        if (!query.TryGetValue(name, out var text)) return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
        value = n;
        return true;
    }

    /// <summary>
    /// Whether the caller may change (cancel, retry, delete, resume) this instance, decided from what is stored with it:
    /// its correlation id, input and variables, by the same rule as starting it (<see cref="WorkflowRunScope"/>).
    /// Supervisors, admins and API keys may change every instance; a designer only those on no case or on their caseload.
    /// </summary>
    private static async Task<bool> MayChangeAsync(HttpContext http, ICareData data, WorkflowInstanceRecord record, CancellationToken cancellationToken)
    {
        var caseload = Caseload.Of(http.User);
        if (caseload.SeesAll) return true;
        var state = WorkflowStateSerializer.Deserialize(record.State);
        var variables = new JsonObject(state.Variables.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone())));
        var decision = await WorkflowRunScope.DecideAsync(data, caseload.Reach, state.Input, variables, record.CorrelationId, cancellationToken);
        return decision.Status == RunScopeStatus.Allowed;
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"Workflow instance '{id}' was not found.", statusCode: StatusCodes.Status404NotFound);
}
