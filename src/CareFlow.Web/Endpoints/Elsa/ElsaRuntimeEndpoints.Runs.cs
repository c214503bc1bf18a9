using CareFlow.Core.Care;
using CareFlow.Core.Care.Access;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Web.Audit;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Hangfire;

namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>
/// Starting workflows through Elsa's runtime API (the designer's Run button, automation). Two decisions, both before
/// anything runs: the <see cref="Security.CareFlowPolicies.RunWorkflows"/> policy (designers and API keys; coordinators
/// start stage workflows through the care API), and <see cref="WorkflowRunScope"/>: every id the run carries must be
/// within the caller's caseload, and the one case it acts on becomes its correlation id. Each call is audited as
/// client-data access, with the case (or the refused id) as its target.
/// </summary>
public static partial class ElsaRuntimeEndpoints
{
    private static readonly System.Buffers.SearchValues<char> InstanceIdChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    /// <summary>
    /// Runs the first burst and answers 200 with the workflow state, also when the run faulted (as Elsa does: the
    /// fault is in <c>workflowState.subStatus</c> and its incidents); 400 for bad input, 404 for an unknown definition
    /// or an id outside the caller's caseload. A refused request creates no instance.
    /// </summary>
    private static async Task<IResult> ExecuteAsync(string definitionId, HttpContext http, IWorkflowRuntime runtime, ICareData data, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (problem is not null) return problem;
        if (!TryStartRequest(body, out var request, out var versionOptions, out problem)) return problem!;
        var (scoped, refusal) = await AuthorizeRunAsync(http, data, request, cancellationToken);
        if (scoped is null) return refusal!;
        WorkflowState? state;
        try
        {
            state = await runtime.StartAsync(definitionId, versionOptions, scoped, cancellationToken);
        }
        catch (CareFlow.Workflows.Definitions.DefinitionException ex)
        {
            return JsonBody.Invalid(ex.Errors[0].Path, ex.Errors[0].Message);
        }

        if (state is null) return TypedResults.Problem($"No {versionOptions.Kind.ToUpperInvariant()} version of workflow definition '{definitionId}' exists.", statusCode: StatusCodes.Status404NotFound);
        http.Response.Headers["x-elsa-workflow-cannot-start"] = "False";
        http.Response.Headers["x-elsa-workflow-instance-id"] = state.Id;
        http.Response.Headers["x-elsa-response"] = "true";
        return TypedResults.Json(new { workflowState = state }, InstanceJson.Options);
    }

    /// <summary>Queues the start; 200 with the instance id it will have. Refusals as for execute; 409 for an instance id in use.</summary>
    private static async Task<IResult> DispatchAsync(string definitionId, HttpContext http, WorkflowDefinitionService definitions, WorkflowInstanceQueries instances,
        ICareData data, IBackgroundJobClient jobs, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (problem is not null) return problem;
        if (!TryStartRequest(body, out var request, out var versionOptions, out problem)) return problem!;
        if (!JsonBody.TryString(body, "instanceId", out var instanceId, out problem)) return problem!;
        if (instanceId is not null && (instanceId.Length > 64 || instanceId.AsSpan().ContainsAnyExcept(InstanceIdChars)))
            return JsonBody.Invalid("$.instanceId", "instanceId must be 1-64 letters, digits, '-' or '_'.");
        var (scoped, refusal) = await AuthorizeRunAsync(http, data, request, cancellationToken);
        if (scoped is null) return refusal!;
        if (await definitions.GetAsync(definitionId, versionOptions, cancellationToken) is null)
            return TypedResults.Problem($"Workflow definition '{definitionId}' was not found.", statusCode: StatusCodes.Status404NotFound);
        if (instanceId is not null && await instances.FindAsync(instanceId, cancellationToken) is not null)
            return TypedResults.Problem($"A workflow instance with id '{instanceId}' exists.", statusCode: StatusCodes.Status409Conflict);
        instanceId ??= Guid.CreateVersion7().ToString("N");
        var input = scoped.Input?.ToJsonString();
        var options = versionOptions.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? versionOptions.Kind;
        jobs.Enqueue<DispatchWorkflowJob>(j => j.RunAsync(definitionId, options, instanceId, scoped.CorrelationId, input, CancellationToken.None));
        return TypedResults.Ok(new { workflowInstanceId = instanceId });
    }

    /// <summary>
    /// The request with its correlation id set to the case it acts on, or the refusal (404 naming the JSON path of an
    /// id outside the caller's caseload, 400 for malformed ids).
    /// </summary>
    private static async Task<(StartWorkflowRequest? Request, IResult? Refusal)> AuthorizeRunAsync(HttpContext http, ICareData data, StartWorkflowRequest request, CancellationToken cancellationToken)
    {
        var decision = await WorkflowRunScope.DecideAsync(data, Caseload.Of(http.User).Reach, request.Input, request.Variables, request.CorrelationId, cancellationToken);
        if (decision.CaseId is { } caseId) AuditTargets.Declare(http, "case", caseId);
        else if (decision.RefusedId is { } refused) AuditTargets.Declare(http, "record", refused);
        if (decision.Status == RunScopeStatus.Allowed)
            return (request with { CorrelationId = decision.CaseId?.ToString() ?? request.CorrelationId }, null);
        return (null, decision.Status == RunScopeStatus.NotFound
            ? TypedResults.Problem(title: "Not found.", detail: $"{decision.Path}: {decision.Message}", statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [decision.Path!] = [decision.Message!] } })
            : JsonBody.Invalid(decision.Path!, decision.Message!));
    }
}
