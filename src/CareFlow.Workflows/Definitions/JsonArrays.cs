using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Definitions;

/// <summary>Reads the array shapes found in Elsa files: a plain array, a <c>{"$values":[…]}</c> wrapper, or a single object.</summary>
internal static class JsonArrays
{
    public static IReadOnlyList<JsonNode?>? Unwrap(JsonNode? node) => node switch
    {
        JsonArray array => [.. array],
        JsonObject obj when obj["$values"] is JsonArray values => [.. values],
        JsonObject obj => [obj],
        _ => null,
    };
}
