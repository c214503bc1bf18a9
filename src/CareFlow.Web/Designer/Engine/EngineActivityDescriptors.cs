using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Web.Designer.Api;
using CareFlow.Web.Designer.Descriptors;
using CareFlow.Workflows.Activities;

namespace CareFlow.Web.Designer.Engine;

/// <summary>Studio descriptors from the engine's activity catalogue: built-ins and every CareFlow.* activity.</summary>
public sealed class EngineActivityDescriptors(ActivityCatalogue catalogue) : IStudioActivityDescriptors
{
    private readonly Lazy<string> _json = new(() => JsonSerializer.Serialize(catalogue.Descriptors.ToList(), StudioJson.Options));

    /// <summary>The catalogue is fixed after start-up, so the JSON is built once; each call parses a fresh copy.</summary>
    public JsonArray GetDescriptors() => JsonNode.Parse(_json.Value)!.AsArray();
}
