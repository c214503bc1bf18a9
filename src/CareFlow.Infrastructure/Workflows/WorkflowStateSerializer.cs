using System.Text.Json;
using System.Text.Json.Serialization;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Infrastructure.Workflows;

/// <summary>The JSON form of instance state in the database (and on the API): camelCase, enums as strings.</summary>
public static class WorkflowStateSerializer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(WorkflowState state) => JsonSerializer.Serialize(state, Options);

    public static WorkflowState Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowState>(json, Options) ?? throw new InvalidOperationException("Empty workflow state.");
}
