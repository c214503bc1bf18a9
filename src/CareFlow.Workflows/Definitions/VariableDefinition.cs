namespace CareFlow.Workflows.Definitions;

/// <summary>A workflow or flowchart variable; resolved by <see cref="Id"/> at run time.</summary>
/// <param name="Id">The variable id.</param>
/// <param name="Name">The variable name, used by script helpers such as <c>getCounter()</c>.</param>
/// <param name="TypeName">The Elsa type name, e.g. <c>Int32</c>.</param>
/// <param name="Value">The initial value as written in the definition (a string), or null.</param>
public sealed record VariableDefinition(string Id, string Name, string TypeName, string? Value);
