using System.Text.Json;

namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>Serializer settings for what Studio reads: camelCase (case-sensitive on its side), enums as strings.</summary>
public static class StudioJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>For exported files, which people read and diff in <c>workflows/</c>.</summary>
    public static JsonSerializerOptions Indented { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
