using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Core.Forms;

namespace CareFlow.Web.Pages.Shared.Forms;

/// <summary>Stored answers as label/answer rows for reading (option values shown by their labels); the view encodes them.</summary>
public static class FormAnswerRows
{
    /// <summary>One answered question.</summary>
    public sealed record Row(string Label, string Answer);

    public static IReadOnlyList<Row> Of(FormSchema? schema, string? answersJson, IReadOnlyDictionary<string, IReadOnlyList<FormOption>>? dynamicOptions = null)
    {
        if (string.IsNullOrWhiteSpace(answersJson) || JsonNode.Parse(answersJson) is not JsonObject answers) return [];
        if (schema is null) return [.. answers.Select(a => new Row(a.Key, Text(a.Value, [])))];
        var rows = new List<Row>();
        foreach (var field in schema.InputFields())
        {
            if (!answers.TryGetPropertyValue(field.Key!, out var value) || value is null) continue;
            var options = field.ValuesKey is { } key ? (dynamicOptions is not null && dynamicOptions.TryGetValue(key, out var o) ? o : []) : field.Values;
            var text = field.Type == "checkbox" ? (value is JsonValue v && v.GetValueKind() == JsonValueKind.True ? "Yes" : "No") : Text(value, options);
            if (text.Length > 0) rows.Add(new Row(FormFieldsView.LabelOf(field), text));
        }

        return rows;
    }

    private static string Text(JsonNode? value, IReadOnlyList<FormOption> options) => value switch
    {
        JsonArray array => string.Join(", ", array.Select(v => Text(v, options)).Where(t => t.Length > 0)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Label(v.GetValue<string>(), options),
        JsonValue v when v.GetValueKind() is JsonValueKind.True => "Yes",
        JsonValue v when v.GetValueKind() is JsonValueKind.False => "No",
        JsonValue v => Label(v.ToJsonString(), options),
        _ => "",
    };

    private static string Label(string value, IReadOnlyList<FormOption> options) => options.FirstOrDefault(o => o.Value == value)?.Label ?? value;
}
