using System.Text.Json.Nodes;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Workflows.Expressions;

/// <summary>What expressions can see: the instance's variables (by id and by name), its input and ids.</summary>
/// <param name="State">The instance state.</param>
/// <param name="Variables">The variable definitions in scope.</param>
public sealed record ExpressionScope(WorkflowState State, IReadOnlyList<VariableDefinition> Variables)
{
    /// <summary>Finds a variable definition by name (case-sensitive, then insensitive).</summary>
    public VariableDefinition? FindByName(string name) =>
        Variables.FirstOrDefault(v => v.Name == name) ?? Variables.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a variable by id; throws when no such variable is in scope.</summary>
    public JsonNode? Get(string id) => Variables.Any(v => v.Id == id)
        ? State.Variables.GetValueOrDefault(id)?.DeepClone()
        : throw new InvalidOperationException($"Variable '{id}' is not in scope.");

    /// <summary>Called with each converted value before it is stored; throws to refuse it (the state size budget).</summary>
    public Action<string, JsonNode?>? BeforeWrite { get; init; }

    /// <summary>Writes a variable by id, converting the value to the variable's type.</summary>
    public void Set(string id, JsonNode? value)
    {
        var variable = Variables.FirstOrDefault(v => v.Id == id) ?? throw new InvalidOperationException($"Variable '{id}' is not in scope.");
        var converted = ValueConverter.ToVariableValue(value, variable.TypeName);
        BeforeWrite?.Invoke(id, converted);
        State.Variables[id] = converted;
    }
}
