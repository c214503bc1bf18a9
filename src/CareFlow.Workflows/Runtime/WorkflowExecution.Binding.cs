using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Expressions;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Workflows.Runtime;

internal sealed partial class WorkflowExecution
{
    private (Activity Activity, ActivityType Type, JsonObject State) CreateActivity(ActivityNode node)
    {
        if (!Runtime.Catalogue.TryGet(node.Type, out var type))
            throw new InvalidOperationException($"Activity type '{node.Type}' is not registered.");
        var activity = (Activity)ActivatorUtilities.CreateInstance(Services, type.ClrType);
        var state = new JsonObject();
        foreach (var (descriptor, property) in type.Inputs)
        {
            var json = node.Json[JsonNamingPolicy.CamelCase.ConvertName(descriptor.Name)];
            var value = descriptor.IsWrapped ? Evaluator.Evaluate(json, Scope, CancellationToken) : json?.DeepClone();
            if (value is null)
            {
                if (descriptor.IsRequired) throw new InvalidOperationException($"Input '{descriptor.Name}' of '{node.Id}' is required but has no value.");
                continue;
            }

            property.SetValue(activity, ValueConverter.Convert(value, property.PropertyType));
            state[descriptor.Name] = value.DeepClone();
        }

        return (activity, type, state);
    }

    private void CaptureOutputs(ActivityNode node, Activity activity, ActivityType type)
    {
        foreach (var (descriptor, property) in type.Outputs)
        {
            var target = node.Json[JsonNamingPolicy.CamelCase.ConvertName(descriptor.Name)] as JsonObject;
            if (target?["memoryReference"]?["id"] is JsonValue idValue && idValue.TryGetValue(out string? id)
                && Scope.Variables.Any(v => v.Id == id))
            {
                Scope.Set(id, ValueConverter.ToJson(property.GetValue(activity)));
            }
        }
    }

    private ActivityContext ContextFor(ActivityNode node, string activityInstanceId)
    {
        // Only the first execution of the trigger activity, in the burst the trigger started, counts as the trigger.
        var isTrigger = !_triggerConsumed && TriggerActivityId == node.Id;
        _triggerConsumed = true;
        return new ActivityContext(this, node, activityInstanceId, isTrigger);
    }

    private bool _triggerConsumed;

    private JsonNode? EvaluateStatic(JsonNode? input) => Evaluator.Evaluate(input, Scope, CancellationToken);
}
