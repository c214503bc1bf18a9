using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareFlow.Core.Forms;

namespace CareFlow.Web.Pages.Shared.Forms;

/// <summary>
/// What <c>_FormFields.cshtml</c> renders: a form-js schema as plain HTML fields, with the values to show (posted
/// text after a refused submit, else the form's defaults) and the server's errors by field key. Field names are
/// <see cref="NamePrefix"/> + key; <see cref="PostedAnswers"/> reads them back.
/// </summary>
public sealed partial class FormFieldsView(FormSchema schema, IReadOnlyDictionary<string, IReadOnlyList<string>>? posted,
    IReadOnlyDictionary<string, string[]>? errors, IReadOnlyDictionary<string, IReadOnlyList<FormOption>>? dynamicOptions)
{
    /// <summary>Every field's name starts with this, so answers never collide with the page's own fields.</summary>
    public const string NamePrefix = "answers.";

    public FormSchema Schema { get; } = schema;

    /// <summary>Errors by field key (an empty key: errors about the whole form).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public bool HasErrors => Errors.Count > 0;

    /// <summary>The HTML name of a field.</summary>
    public static string NameOf(FormField field) => NamePrefix + field.Key;

    /// <summary>The element id of a field (keys are sanitized; the id is unique because keys are).</summary>
    public static string IdOf(FormField field) => "f-" + UnsafeIdCharacters().Replace(field.Key ?? field.Id, "-");

    /// <summary>The label, falling back to form-js's date/time labels and then the key.</summary>
    public static string LabelOf(FormField field) =>
        field.Label ?? Text(field.Raw["dateLabel"]) ?? Text(field.Raw["timeLabel"]) ?? field.Key ?? field.Id;

    public string[] ErrorsOf(FormField field) => field.Key is { } key && Errors.TryGetValue(key, out var messages) ? messages : [];

    /// <summary>The values to show: the posted ones after a refused submit, else the form's default.</summary>
    public IReadOnlyList<string> ValuesOf(FormField field)
    {
        if (field.Key is null) return [];
        if (posted is not null) return posted.TryGetValue(field.Key, out var values) ? values : [];
        return field.Raw["defaultValue"] switch
        {
            JsonArray array => [.. array.Select(Text).OfType<string>()],
            { } value => Text(value) is { } text ? [text] : [],
            null => [],
        };
    }

    public string ValueOf(FormField field) => ValuesOf(field) is { Count: > 0 } values ? values[0] : "";

    /// <summary>The options of a radio, select or checklist: its own values, or the dynamic list its <c>valuesKey</c> names.</summary>
    public IReadOnlyList<FormOption> OptionsOf(FormField field) =>
        field.ValuesKey is { } key ? (dynamicOptions is not null && dynamicOptions.TryGetValue(key, out var options) ? options : []) : field.Values;

    /// <summary>Whether a select needs no empty choice: a required field with a default.</summary>
    public bool HasNoEmptyChoice(FormField field) => field.Rules.Required && field.Raw["defaultValue"] is not null;

    /// <summary>The ids of the help text and error that describe a field, for <c>aria-describedby</c> (null when none).</summary>
    public string? DescribedBy(FormField field)
    {
        var ids = new List<string>();
        if (!string.IsNullOrWhiteSpace(field.Description)) ids.Add(IdOf(field) + "-help");
        if (ErrorsOf(field).Length > 0) ids.Add(IdOf(field) + "-error");
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>The HTML input type of a datetime field by its subtype.</summary>
    public static string DateTimeInputType(FormField field) => field.DateTimeSubtype switch
    {
        "time" => "time",
        "datetime" => "datetime-local",
        _ => "date",
    };

    /// <summary>A number field's step: its increment, else its decimal digits, else any.</summary>
    public static string NumberStep(FormField field)
    {
        if (field.Raw["increment"] is JsonValue increment && Text(increment) is { Length: > 0 } text) return text;
        if (field.Raw["decimalDigits"] is JsonValue digits && digits.TryGetValue(out int d) && d >= 0 && d < 10)
            return d == 0 ? "1" : (1m / (decimal)Math.Pow(10, d)).ToString(CultureInfo.InvariantCulture);
        return "any";
    }

    public static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A static text component's paragraphs as plain text (form-js writes Markdown there): blank lines split paragraphs,
    /// heading marks are dropped; the view encodes the text, so markup is never rendered.
    /// </summary>
    public static IReadOnlyList<string> Paragraphs(string? text) =>
        [.. (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => HeadingMark().Replace(p, "")).Where(p => p.Length > 0)];

    /// <summary>The posted answers of a form (fields named <see cref="NamePrefix"/> + key), by key.</summary>
    public static Dictionary<string, IReadOnlyList<string>> PostedAnswers(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> form) =>
        form.Where(f => f.Key.StartsWith(NamePrefix, StringComparison.Ordinal) && f.Key.Length > NamePrefix.Length)
            .ToDictionary(f => f.Key[NamePrefix.Length..], f => (IReadOnlyList<string>)[.. f.Value.OfType<string>()], StringComparer.Ordinal);

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
            System.Text.Json.JsonValueKind.True => "true",
            System.Text.Json.JsonValueKind.False => null,
            System.Text.Json.JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeIdCharacters();

    [GeneratedRegex(@"^#{1,6}\s*", RegexOptions.Multiline)]
    private static partial Regex HeadingMark();
}
