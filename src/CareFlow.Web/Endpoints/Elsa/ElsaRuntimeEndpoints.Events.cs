using System.Text.RegularExpressions;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Access;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Web.Audit;
using CareFlow.Web.Endpoints.Care;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Endpoints.Elsa;

public static partial class ElsaRuntimeEndpoints
{
    /// <summary>
    /// Delivers an event to waiting <c>Elsa.Event</c> bookmarks (and starts workflows it triggers); keeps it for a
    /// while when none waits. Decided before anything runs: the name (pattern, length: 400), the body size (413), the
    /// ids it carries and the instances it would resume within the caller's caseload (404; a caller who does not see
    /// every caseload must name the instance or correlation: 403), and the caller's share of waiting events (429).
    /// </summary>
    private static async Task<IResult> TriggerEventAsync(string eventName, HttpContext http, IWorkflowRuntime runtime, ICareData data,
        WorkflowInstanceQueries instances, PendingEventQueries pending, IOptions<EventTriggerLimits> options, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (eventName.Length > limits.MaxNameLength || !EventName().IsMatch(eventName))
            return JsonBody.Invalid("eventName", $"An event name is 1-{limits.MaxNameLength} letters, digits, spaces, '.', '_', ':' or '-', starting and ending with neither a space nor a control character.");
        if (await BufferBodyAsync(http.Request, limits.MaxPayloadBytes, cancellationToken) is { } tooLarge) return tooLarge;
        var (body, problem) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (problem is not null) return problem;
        if (!JsonBody.TryString(body, "correlationId", out var correlationId, out problem)
            || !JsonBody.TryString(body, "workflowInstanceId", out var instanceId, out problem)
            || !JsonBody.TryString(body, "workflowExecutionMode", out var mode, out problem)
            || !JsonBody.TryObject(body, "input", out var input, out problem)) return problem!;
        if (mode is not null and not "Synchronous" and not "Asynchronous")
            return JsonBody.Invalid("$.workflowExecutionMode", "workflowExecutionMode must be Synchronous or Asynchronous.");
        if (body["activityInstanceId"] is not null)
            return JsonBody.Invalid("$.activityInstanceId", "Event bookmarks are not matched by activity instance id; leave it out.");

        var caseload = Caseload.Of(http.User);
        if (!caseload.SeesAll && correlationId is null && instanceId is null)
            return TypedResults.Problem("An event from a caller who does not see every caseload must name its workflowInstanceId or correlationId.", statusCode: StatusCodes.Status403Forbidden);
        if (instanceId is not null && await instances.FindAsync(instanceId, cancellationToken) is { } target && !await MayChangeAsync(http, data, target, cancellationToken))
            return NotFound(instanceId);
        var decision = await WorkflowRunScope.DecideAsync(data, caseload.Reach, input, null, correlationId, cancellationToken);
        if (decision.CaseId is { } caseId) AuditTargets.Declare(http, "case", caseId);
        if (decision.Status == RunScopeStatus.NotFound)
            return TypedResults.Problem(detail: $"{decision.Path}: {decision.Message}", statusCode: StatusCodes.Status404NotFound);
        if (decision.Status == RunScopeStatus.Invalid) return JsonBody.Invalid(decision.Path!, decision.Message!);

        var source = AuditLog.ActorOf(http.User);
        if (await pending.CountFromAsync(source, cancellationToken) >= limits.MaxPendingPerSource)
            return TooMany($"You have {limits.MaxPendingPerSource} unmatched events waiting; wait until they are delivered or expire.");
        if (await pending.CountAsync(cancellationToken) >= limits.MaxPending)
            return TooMany("The queue of unmatched events is full; try again later.");

        // Both modes run the resume before answering: the caller learns nothing is lost, and nothing runs twice.
        await runtime.TriggerEventAsync(new EventStimulus(eventName, correlationId, instanceId, input, source), cancellationToken);
        return TypedResults.Ok();
    }

    /// <summary>Reads the body into memory up to <paramref name="maxBytes"/>; a 413 problem when it is larger.</summary>
    private static async Task<IResult?> BufferBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var tooLarge = TypedResults.Problem($"The request body is larger than {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (request.ContentLength > maxBytes) return tooLarge;
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return tooLarge;
            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        request.Body = buffer;
        request.ContentLength = buffer.Length;
        return null;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooMany(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests);

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9 ._:\-]*[A-Za-z0-9._:\-])?$", RegexOptions.CultureInvariant)]
    private static partial Regex EventName();
}
