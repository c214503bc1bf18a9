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

    /// <summary>
    /// Every descriptor, with the dropdowns whose options come from a source (<see cref="InputAttribute.OptionsSource"/>)
    /// filled from it now: an empty choice first, then the source's options.
    /// </summary>
    public async Task<JsonArray> GetDescriptorsAsync(IEnumerable<IInputOptionsSource> sources, CancellationToken cancellationToken = default)
    {
        var descriptors = GetDescriptors();
        var bySource = catalogue.Descriptors
            .SelectMany(d => d.Inputs.Where(i => i.OptionsSource is not null).Select(i => (d.TypeName, Input: JsonNamingPolicy.CamelCase.ConvertName(i.Name), Source: i.OptionsSource!)))
            .ToList();
        if (bySource.Count == 0) return descriptors;
        var known = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var options = new Dictionary<string, (string EmptyText, IReadOnlyList<InputOption> Options)>(StringComparer.Ordinal);
        foreach (var source in bySource.Select(b => b.Source).Distinct())
        {
            options[source] = known.TryGetValue(source, out var s) ? (s.EmptyText, await s.GetOptionsAsync(cancellationToken))
                : throw new InvalidOperationException($"No options source named '{source}' is registered.");
        }

        foreach (var descriptor in descriptors.OfType<JsonObject>())
        {
            var typeName = (string?)descriptor["typeName"];
            foreach (var input in descriptor["inputs"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var match = bySource.FirstOrDefault(b => b.TypeName == typeName && string.Equals(b.Input, JsonNamingPolicy.CamelCase.ConvertName((string?)input["name"] ?? ""), StringComparison.Ordinal));
                if (match.Source is null) continue;
                var (emptyText, choices) = options[match.Source];
                var items = new JsonArray(new JsonObject { ["text"] = emptyText, ["value"] = "" });
                foreach (var option in choices) items.Add(new JsonObject { ["text"] = option.Text, ["value"] = option.Value });
                input["uiHint"] = "dropdown";
                input["uiSpecifications"] = new JsonObject { ["dropdown"] = new JsonObject { ["selectList"] = new JsonObject { ["items"] = items } } };
            }
        }

        return descriptors;
    }
}
