using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using CareFlow.Web.Security;

namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>Elsa 3's runtime routes under <c>/elsa/api</c>: execute, dispatch, instances, journal, events, cancel, retry.</summary>
public static partial class ElsaRuntimeEndpoints
{
    public static IEndpointRouteBuilder MapElsaRuntime(this IEndpointRouteBuilder endpoints)
    {
        var api = ElsaApiGroup.Map(endpoints);
        // Starting a run changes client data whenever the run acts on a case: POST only, designers and API keys only,
        // audited, and decided from the ids the run carries (ElsaRuntimeEndpoints.Runs).
        var runs = api.MapGroup("").RequireAuthorization(CareFlowPolicies.RunWorkflows).WithMetadata(new ClientDataAttribute());
        runs.MapPost("/workflow-definitions/{definitionId}/execute", ExecuteAsync);
        runs.MapPost("/workflow-definitions/{definitionId}/dispatch", DispatchAsync);
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
}
