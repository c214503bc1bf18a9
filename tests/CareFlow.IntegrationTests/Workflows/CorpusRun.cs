using System.Text.Json.Nodes;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>What importing and executing one corpus file answered.</summary>
public sealed record CorpusRun(JsonObject Model, int SaveStatus, string SaveBody, string? DefinitionId, int ExecuteStatus, string? InstanceId, string? SubStatusAfterExecute);
