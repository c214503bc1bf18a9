using System.Text.Json;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>Elsa's JSON shapes for instances, summaries and journal records.</summary>
internal static class InstanceJson
{
    public static JsonSerializerOptions Options => WorkflowStateSerializer.Options;

    public static object Summary(WorkflowInstanceRecord r) => new
    {
        id = r.Id, tenantId = (string?)null, definitionId = r.DefinitionId, definitionVersionId = r.DefinitionVersionId, version = r.Version,
        status = r.Status, subStatus = r.SubStatus, correlationId = r.CorrelationId, name = r.Name, incidentCount = r.IncidentCount,
        createdAt = r.CreatedAt, updatedAt = r.UpdatedAt, finishedAt = r.FinishedAt,
    };

    public static object Full(WorkflowInstanceRecord r, WorkflowState state) => new
    {
        id = r.Id, definitionId = r.DefinitionId, definitionVersionId = r.DefinitionVersionId, version = r.Version,
        parentWorkflowInstanceId = state.ParentWorkflowInstanceId, workflowState = state, status = r.Status, subStatus = r.SubStatus,
        isExecuting = false, correlationId = r.CorrelationId, name = r.Name, incidentCount = r.IncidentCount, isSystem = false,
        createdAt = r.CreatedAt, updatedAt = r.UpdatedAt, finishedAt = r.FinishedAt,
    };

    public static object Journal(JournalRecord j) => new
    {
        id = j.Id, activityInstanceId = j.ActivityInstanceId, parentActivityInstanceId = (string?)null, activityId = j.ActivityId,
        activityType = j.ActivityType, activityTypeVersion = 1, activityName = j.ActivityName, nodeId = j.NodeId, timestamp = j.Timestamp,
        sequence = j.Sequence, eventName = j.EventName, message = j.Message, source = (string?)null, activityState = (object?)null,
        payload = j.Payload is null ? null : System.Text.Json.Nodes.JsonNode.Parse(j.Payload),
    };
}
