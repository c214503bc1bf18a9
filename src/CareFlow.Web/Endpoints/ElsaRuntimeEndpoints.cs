using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Web.Designer.Api;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using CareFlow.Web.Security;
using Hangfire;

namespace CareFlow.Web.Endpoints;

/// <summary>Elsa 3's runtime routes under <c>/elsa/api</c>: execute, dispatch, instances, journal, events, cancel, retry.</summary>
public static partial class ElsaRuntimeEndpoints
{
    public static IEndpointRouteBuilder MapElsaRuntime(this IEndpointRouteBuilder endpoints)
    {
        var api = ElsaApiGroup.Map(endpoints);
        api.MapPost("/workflow-definitions/{definitionId}/execute", ExecuteAsync);
        api.MapGet("/workflow-definitions/{definitionId}/execute", ExecuteAsync);
        api.MapPost("/workflow-definitions/{definitionId}/dispatch", DispatchAsync);
        // Instances carry client data from every caseload: coordinators may not read or act on them here.
        var instances = api.MapGroup("").RequireAuthorization(CareFlowPolicies.WorkflowInstances).WithMetadata(new ClientDataAttribute());
        instances.MapGet("/workflow-instances/{id}", GetInstanceAsync);
        instances.MapDelete("/workflow-instances/{id}", DeleteInstanceAsync);
        instances.MapGet("/workflow-instances/{id}/execution-state", GetExecutionStateAsync);
        instances.MapGet("/workflow-instances/{id}/variables", GetVariablesAsync);
        instances.MapGet("/workflow-instances/{id}/journal", GetJournalAsync);
        instances.MapPost("/workflow-instances/{id}/journal", GetJournalAsync);
        instances.MapGet("/workflow-instances", ListInstancesAsync);
        instances.MapPost("/workflow-instances", ListInstancesAsync);
        instances.MapPost("/events/{eventName}/trigger", TriggerEventAsync);
        instances.MapPost("/cancel/workflow-instances/{id}", CancelAsync);
        instances.MapPost("/workflow-instances/{id}/retry", RetryAsync);
        return endpoints;
    }

    private static async Task<IResult> ExecuteAsync(string definitionId, HttpContext http, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var (body, problem) = HttpMethods.IsGet(http.Request.Method) ? (QueryAsBody(http.Request.Query), null) : await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (problem is not null) return problem;
        if (!TryStartRequest(body, out var request, out var versionOptions, out problem)) return problem!;
        WorkflowState? state;
        try
        {
            state = await runtime.StartAsync(definitionId, versionOptions, request, cancellationToken);
        }
        catch (CareFlow.Workflows.Definitions.DefinitionException ex)
        {
            return JsonBody.Invalid(ex.Errors[0].Path, ex.Errors[0].Message);
        }

        if (state is null) return TypedResults.Problem($"No {versionOptions.Kind.ToUpperInvariant()} version of workflow definition '{definitionId}' exists.", statusCode: StatusCodes.Status404NotFound);
        http.Response.Headers["x-elsa-workflow-cannot-start"] = "False";
        http.Response.Headers["x-elsa-workflow-instance-id"] = state.Id;
        http.Response.Headers["x-elsa-response"] = "true";
        var status = state.SubStatus == WorkflowSubStatus.Faulted ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
        return TypedResults.Json(new { workflowState = state }, InstanceJson.Options, statusCode: status);
    }

    private static async Task<IResult> DispatchAsync(string definitionId, HttpRequest httpRequest, WorkflowDefinitionService definitions, IBackgroundJobClient jobs, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(httpRequest, cancellationToken);
        if (problem is not null) return problem;
        if (!TryStartRequest(body, out var request, out var versionOptions, out problem)) return problem!;
        if (await definitions.GetAsync(definitionId, versionOptions, cancellationToken) is null)
            return TypedResults.Problem($"Workflow definition '{definitionId}' was not found.", statusCode: StatusCodes.Status404NotFound);
        if (!JsonBody.TryString(body, "instanceId", out var instanceId, out problem)) return problem!;
        instanceId ??= Guid.CreateVersion7().ToString("N");
        var input = request.Input?.ToJsonString();
        var options = versionOptions.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? versionOptions.Kind;
        jobs.Enqueue<DispatchWorkflowJob>(j => j.RunAsync(definitionId, options, instanceId, request.CorrelationId, input, CancellationToken.None));
        return TypedResults.Ok(new { workflowInstanceId = instanceId });
    }

    private static bool TryStartRequest(System.Text.Json.Nodes.JsonObject body, out StartWorkflowRequest request, out VersionOptions versionOptions, out IResult? problem)
    {
        request = new StartWorkflowRequest();
        versionOptions = VersionOptions.Published;
        if (!JsonBody.TryString(body, "correlationId", out var correlationId, out problem)
            || !JsonBody.TryString(body, "name", out var name, out problem)
            || !JsonBody.TryString(body, "triggerActivityId", out var trigger, out problem)
            || !JsonBody.TryString(body, "versionOptions", out var options, out problem)
            || !JsonBody.TryObject(body, "input", out var input, out problem)
            || !JsonBody.TryObject(body, "variables", out var variables, out problem))
        {
            return false;
        }

        if (options is not null)
        {
            if (VersionOptions.Parse(options) is not { } parsed)
            {
                problem = JsonBody.Invalid("$.versionOptions", $"'{options}' is not a version option (Latest, Published, LatestOrPublished, Draft or a version number).");
                return false;
            }

            versionOptions = parsed;
        }

        request = new StartWorkflowRequest { CorrelationId = correlationId, Name = name, TriggerActivityId = trigger, Input = input, Variables = variables };
        return true;
    }

    private static System.Text.Json.Nodes.JsonObject QueryAsBody(IQueryCollection query)
    {
        var body = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in query)
        {
            var text = value.ToString();
            body[char.ToLowerInvariant(key[0]) + key[1..]] = key is "input" or "Input" or "variables" or "Variables" ? TryParse(text) : text;
        }

        return body;
    }

    private static System.Text.Json.Nodes.JsonNode? TryParse(string text)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return text;
        }
    }
}
