using System.Text.Json.Nodes;

namespace CareFlow.Web.Designer.Descriptors;

public static class StudioActivityDescriptorExtensions
{
    /// <summary>The descriptors keyed by type name.</summary>
    public static Dictionary<string, JsonObject> ByTypeName(this IStudioActivityDescriptors descriptors) =>
        descriptors.GetDescriptors().OfType<JsonObject>()
            .Where(d => d["typeName"] is JsonValue)
            .GroupBy(d => d["typeName"]!.GetValue<string>(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
