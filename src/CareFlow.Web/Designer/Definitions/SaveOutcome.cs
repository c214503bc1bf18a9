namespace CareFlow.Web.Designer.Definitions;

/// <summary>What a save came to: stored, refused as invalid (with reasons), or refused as stale (409).</summary>
public sealed record SaveOutcome
{
    public StoredDefinitionVersion? Saved { get; private init; }
    public IReadOnlyList<DefinitionProblem> Problems { get; private init; } = [];
    public string? Conflict { get; private init; }

    public static SaveOutcome Success(StoredDefinitionVersion saved) => new() { Saved = saved };
    public static SaveOutcome Invalid(IReadOnlyList<DefinitionProblem> problems) => new() { Problems = problems };
    public static SaveOutcome Stale(string reason) => new() { Conflict = reason };
}
