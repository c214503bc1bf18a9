using System.Text.Json.Nodes;
using CareFlow.Workflows.Expressions;

namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Sets a variable (found by id among the variables in scope).</summary>
[Activity("Elsa", Category = "Primitives", DisplayName = "Set Variable", Description = "Sets a variable.")]
public sealed class SetVariable : Activity
{
    /// <summary>The variable object; only its id is used.</summary>
    [Input(IsWrapped = false, UIHint = "variable-picker", Required = true, Description = "The variable to set.")]
    public JsonNode? Variable { get; set; }

    /// <summary>The value to store.</summary>
    [Input(Description = "The value to store.")]
    public JsonNode? Value { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var id = ExpressionEvaluator.ReferenceId(Variable, "id") ?? throw new InvalidOperationException("SetVariable has no variable.");
        context.Scope.Set(id, Value);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
