using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Expressions;

/// <summary>Converts JSON values to the CLR types inputs declare, following Elsa's literal rules.</summary>
public static class ValueConverter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Converts a JSON value to <paramref name="target"/>; null stays null (or the type's default).</summary>
    public static object? Convert(JsonNode? node, Type target)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (node is null) return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        if (type == typeof(JsonNode) || type == typeof(object)) return node.DeepClone();
        if (type == typeof(JsonObject)) return node as JsonObject ?? throw Mismatch(node, type);
        if (node is JsonValue value && value.TryGetValue(out string? text)) return FromText(text, type);
        if (type == typeof(string)) return node is JsonValue ? node.ToString() : node.ToJsonString();
        return node.Deserialize(type, Options);
    }

    /// <summary>Stores a value in a variable of the given Elsa type name, converting text literals such as <c>"0"</c> for Int32.</summary>
    public static JsonNode? ToVariableValue(JsonNode? value, string typeName)
    {
        if (value is not JsonValue v || !v.TryGetValue(out string? text)) return value?.DeepClone();
        return typeName switch
        {
            "Int16" or "Int32" or "Int64" or "Long" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            "Double" or "Single" or "Decimal" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            "Boolean" when bool.TryParse(text, out var b) => JsonValue.Create(b),
            _ => value.DeepClone(),
        };
    }

    /// <summary>Converts a CLR value to JSON for storage.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        TimeSpan span => JsonValue.Create(span.ToString("c", CultureInfo.InvariantCulture)),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), Options),
    };

    private static object? FromText(string? text, Type type)
    {
        if (type == typeof(string)) return text;
        if (text is null) return null;
        try
        {
            if (type == typeof(bool)) return bool.Parse(text.Trim());
            if (type == typeof(TimeSpan)) return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
            if (type == typeof(DateTimeOffset)) return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            if (type == typeof(DateTime)) return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            if (type == typeof(Guid)) return Guid.Parse(text);
            if (type.IsEnum) return Enum.Parse(type, text, ignoreCase: true);
            if (type.IsPrimitive || type == typeof(decimal)) return System.Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
            // Collections and objects given as text hold JSON (Elsa's "Object" style).
            var parsed = JsonNode.Parse(text);
            return parsed?.Deserialize(type, Options);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or JsonException or ArgumentException)
        {
            throw new InvalidOperationException($"'{Truncate(text)}' is not a valid {type.Name}.", ex);
        }
    }

    private static InvalidOperationException Mismatch(JsonNode node, Type type) =>
        new($"A {node.GetValueKind()} value cannot be used as {type.Name}.");

    private static string Truncate(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
