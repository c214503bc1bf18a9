using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Management;

/// <summary>The outcome of a save.</summary>
/// <param name="Definition">The version written.</param>
/// <param name="Document">
/// The version's document as readers see it (what <see cref="WorkflowDefinitionService.ReadDocument"/> returns), so a
/// caller answering with it parses nothing again; the caller owns it.
/// </param>
/// <param name="AlreadyPublished">Publish was asked for a version that already was published.</param>
/// <param name="CreatedNewVersion">The save created a new version (the latest was published, or there was none).</param>
public sealed record SaveDefinitionResult(StoredDefinition Definition, JsonObject Document, bool AlreadyPublished, bool CreatedNewVersion);
