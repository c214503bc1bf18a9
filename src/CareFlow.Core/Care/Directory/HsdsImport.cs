using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlow.Core.Care.Directory;

/// <summary>
/// Imports an Open Referral HSDS 3.0 JSON document: an array of organizations, <c>{"organizations": [...]}</c> or
/// an API page <c>{"contents": [...]}</c>, each organization with nested services and locations. Records are
/// upserted by id; nothing is stored when any part is refused.
/// </summary>
public static class HsdsImport
{
    public static async Task<HsdsImportResult> RunAsync(ICareData data, TimeProvider time, Stream json, CancellationToken cancellationToken = default)
    {
        JsonNode? document;
        try
        {
            document = await JsonNode.ParseAsync(json, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new CareValidationException("file", $"The file is not valid JSON: {ex.Message}");
        }

        var organizations = document switch
        {
            JsonArray array => array,
            JsonObject o when o["organizations"] is JsonArray a => a,
            JsonObject o when o["contents"] is JsonArray a => a,
            _ => throw new CareValidationException("file", "Expected an array of HSDS organizations, or an object with 'organizations' or 'contents'."),
        };
        var parsed = HsdsParser.Parse(organizations, time.GetUtcNow());
        await HsdsUpsert.SaveAsync(data, parsed, cancellationToken);
        return new HsdsImportResult(parsed.Organizations.Count, parsed.Services.Count, parsed.Locations.Count, parsed.CostOptions.Count);
    }

    internal static string? Text(JsonNode? node, string name) => node?[name] is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    internal static int? Int(JsonNode? node, string name) => node?[name] is JsonValue v && v.TryGetValue(out int i) ? i : null;

    internal static decimal? Decimal(JsonNode? node, string name) => node?[name] is JsonValue v
        ? v.TryGetValue(out decimal d) ? d : v.TryGetValue(out string? s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out d) ? d : null
        : null;

    internal static DateOnly? Date(JsonNode? node, string name, string path) => Text(node, name) is not { } s ? null
        : DateOnly.TryParse(s.Length >= 10 ? s[..10] : s, CultureInfo.InvariantCulture, out var d) ? d
        : throw new CareValidationException($"{path}.{name}", $"'{s}' is not a date (YYYY-MM-DD).");

    internal static string Required(JsonNode? node, string name, string path) => Text(node, name) ?? throw new CareValidationException($"{path}.{name}", $"'{name}' is required.");

    /// <summary>The longest directory id the database keeps (organizations, services, locations, cost options).</summary>
    public const int MaxIdLength = 100;

    /// <summary>A required directory id, at most <see cref="MaxIdLength"/> characters.</summary>
    internal static string DirectoryId(JsonNode? node, string name, string path) => Bounded(Required(node, name, path), $"{path}.{name}");

    /// <summary>Refuses an id longer than <see cref="MaxIdLength"/> before the database sees it.</summary>
    internal static string Bounded(string id, string field) => id.Length <= MaxIdLength ? id
        : throw new CareValidationException(field, $"An id is at most {MaxIdLength} characters.");
}
