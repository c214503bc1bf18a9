namespace CareFlow.Workflows.Definitions;

/// <summary>One reason a workflow definition was refused, located by its JSON path (e.g. <c>$.root.activities[2].type</c>).</summary>
/// <param name="Path">The JSON path of the offending value.</param>
/// <param name="Message">Why it was refused, in words a designer can act on.</param>
public sealed record DefinitionError(string Path, string Message);
