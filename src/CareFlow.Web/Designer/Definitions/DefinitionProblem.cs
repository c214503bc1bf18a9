namespace CareFlow.Web.Designer.Definitions;

/// <summary>One reason a definition was refused: the JSON path (e.g. <c>$.root.activities[2].type</c>) and why.</summary>
public sealed record DefinitionProblem(string Path, string Message);
