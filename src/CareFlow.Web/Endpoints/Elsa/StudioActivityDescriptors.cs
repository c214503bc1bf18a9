using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Workflows.Activities;

namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>The activity descriptors Studio's toolbox and property panel show: the engine's catalogue as Studio's JSON.</summary>
public sealed class StudioActivityDescriptors(ActivityCatalogue catalogue)
{
    private readonly Lazy<string> _json = new(() => JsonSerializer.Serialize(catalogue.Descriptors.ToList(), StudioJson.Options));

    /// <summary>Every descriptor. The catalogue is fixed after start-up, so the JSON is built once; each call parses a fresh copy.</summary>
    public JsonArray GetDescriptors() => JsonNode.Parse(_json.Value)!.AsArray();
}
