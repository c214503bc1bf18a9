namespace CareFlow.Workflows.Management;

/// <summary>The outcome of a save.</summary>
/// <param name="Definition">The version written.</param>
/// <param name="AlreadyPublished">Publish was asked for a version that already was published.</param>
/// <param name="CreatedNewVersion">The save created a new version (the latest was published, or there was none).</param>
public sealed record SaveDefinitionResult(StoredDefinition Definition, bool AlreadyPublished, bool CreatedNewVersion);
