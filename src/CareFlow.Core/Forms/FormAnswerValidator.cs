using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CareFlow.Core.Forms;

/// <summary>
/// The server's judgement of answers to a form: every rule of the schema (required, min/max, length, pattern,
/// options, date formats) is enforced here, whatever the browser did. Answers to keys the form does not have are
/// dropped; the result is typed as the form says (numbers as numbers, checklists as arrays of option values, dates as
/// ISO strings).
/// </summary>
public static partial class FormAnswerValidator
{
    /// <summary>The longest one-line text answer when the form sets no <c>maxLength</c>.</summary>
    public const int DefaultTextFieldMaxLength = 1_000;

    /// <summary>The longest multi-line text answer when the form sets no <c>maxLength</c>.</summary>
    public const int DefaultTextAreaMaxLength = 20_000;

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <param name="schema">The form, at the version the answers are given under.</param>
    /// <param name="answers">The answers as JSON (the API) or as converted from a posted HTML form (see <see cref="FromFormPost"/>).</param>
    /// <param name="dynamicOptions">Options for fields with a <c>valuesKey</c> (e.g. the directory's services), by that key.</param>
    public static FormAnswerCheck Validate(FormSchema schema, JsonObject? answers, IReadOnlyDictionary<string, IReadOnlyList<FormOption>>? dynamicOptions = null)
    {
        var given = Snapshot(answers);
        var result = new JsonObject();
        var problems = new List<FormProblem>();
        foreach (var field in schema.InputFields())
        {
            var key = field.Key!;
            given.TryGetValue(key, out var value);
            var (answer, problem) = Check(field, value, dynamicOptions);
            if (problem is not null) problems.Add(new FormProblem(key, problem));
            else if (answer is not null) result[key] = answer;
        }
        return new FormAnswerCheck(result, problems);
    }

    /// <summary>
    /// Turns posted HTML form values (field name = key; several values for a checklist) into answers to validate: text
    /// stays text, a number field's text is parsed (a non-number is kept as text so the rule reports it), a checkbox is
    /// true when posted.
    /// </summary>
    public static JsonObject FromFormPost(FormSchema schema, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> posted)
    {
        var byKey = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in posted)
        {
            if (name is null || values is null) continue;
            if (!byKey.TryGetValue(name, out var list)) byKey[name] = list = [];
            list.AddRange(values.Where(v => v is not null));
        }

        var answers = new JsonObject();
        foreach (var field in schema.InputFields())
        {
            var key = field.Key!;
            byKey.TryGetValue(key, out var values);
            values ??= [];
            switch (field.Type)
            {
                case "checkbox":
                    answers[key] = values.Any(v => v.Length > 0 && !string.Equals(v, "false", StringComparison.OrdinalIgnoreCase));
                    break;
                case "checklist":
                    var chosen = values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                    if (chosen.Count > 0) answers[key] = new JsonArray(chosen.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
                    break;
                case "number":
                    var text = values.FirstOrDefault(v => v.Trim().Length > 0)?.Trim();
                    if (text is null) break;
                    answers[key] = ParseNumber(text) is { } number ? JsonValue.Create(number) : JsonValue.Create(text);
                    break;
                default:
                    var first = values.FirstOrDefault(v => v.Length > 0);
                    if (first is not null) answers[key] = first;
                    break;
            }
        }
        return answers;
    }

    /// <summary>The answers by key, read once; a JSON object System.Text.Json cannot enumerate counts as no answers.</summary>
    private static Dictionary<string, JsonNode?> Snapshot(JsonObject? answers)
    {
        var given = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (answers is null) return given;
        try
        {
            foreach (var (name, value) in answers) given[name] = value;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            given.Clear();
        }
        return given;
    }

    private static (JsonNode? Answer, string? Problem) Check(FormField field, JsonNode? value, IReadOnlyDictionary<string, IReadOnlyList<FormOption>>? dynamicOptions)
    {
        var rules = field.Rules;
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        var missing = kind == JsonValueKind.Null
            || (kind == JsonValueKind.String && FormSchemaReader.Str(value) is { } blank && string.IsNullOrWhiteSpace(blank))
            || (kind == JsonValueKind.Array && value is JsonArray { Count: 0 });
        if (missing)
        {
            if (!rules.Required) return (null, null);
            return (null, field.Type switch
            {
                "checklist" => "Choose at least one option.",
                "radio" or "select" => "Choose an option.",
                "checkbox" => "Tick this box to continue.",
                _ => "This field is required.",
            });
        }

        return field.Type switch
        {
            "textfield" => CheckText(field, value!, DefaultTextFieldMaxLength),
            "textarea" => CheckText(field, value!, DefaultTextAreaMaxLength),
            "number" => CheckNumber(field, value!),
            "checkbox" => CheckCheckbox(field, value!),
            "checklist" => CheckChecklist(field, value!, Options(field, dynamicOptions)),
            "radio" or "select" => CheckChoice(value!, Options(field, dynamicOptions)),
            "datetime" => CheckDateTime(field, value!),
            _ => (null, null),
        };
    }

    private static (JsonNode?, string?) CheckText(FormField field, JsonNode value, int defaultMax)
    {
        var text = FormSchemaReader.Str(value);
        if (FormSchemaReader.IsBrokenString(value)) return (null, "Remove the control characters from this text.");
        if (text is null) return (null, "Enter text.");
        if (FormSchemaReader.HasForbiddenCharacters(text)) return (null, "Remove the control characters from this text.");
        if (field.Type == "textfield" && text.AsSpan().IndexOfAny('\r', '\n') >= 0) return (null, "Enter this on one line.");
        var rules = field.Rules;
        var max = rules.MaxLength ?? defaultMax;
        if (rules.MinLength is { } min && text.Length < min)
            return (null, rules.MaxLength is { } upper ? $"Enter between {min} and {upper} characters." : $"Enter at least {min} characters.");
        if (text.Length > max)
            return (null, rules.MinLength is { } lower && rules.MaxLength is not null ? $"Enter between {lower} and {max} characters." : $"Enter at most {max} characters.");
        if (rules.ValidationType == "email" && !IsEmail(text.Trim())) return (null, "Enter an email address, like name@example.org.");
        if (rules.ValidationType == "phone" && !PhonePattern().IsMatch(text.Trim())) return (null, "Enter a phone number with its country code, like +1 555 123 4567.");
        if (rules.Pattern is { } pattern)
        {
            var regex = FormSchemaReader.CompilePattern(pattern);
            try
            {
                if (regex is null || !regex.IsMatch(text)) return (null, "Enter this in the expected format.");
            }
            catch (RegexMatchTimeoutException)
            {
                return (null, "This could not be checked against the expected format; shorten it or check it.");
            }
        }
        return (JsonValue.Create(text), null);
    }

    private static (JsonNode?, string?) CheckNumber(FormField field, JsonNode value)
    {
        var number = value.GetValueKind() switch
        {
            JsonValueKind.Number => FormSchemaReader.Num(value),
            JsonValueKind.String => ParseNumber(FormSchemaReader.Str(value)!.Trim()),
            _ => null,
        };
        var rules = field.Rules;
        var range = (rules.Min, rules.Max) switch
        {
            ({ } min, { } max) => $"Enter a number between {Show(min)} and {Show(max)}.",
            ({ } min, null) => $"Enter a number of at least {Show(min)}.",
            (null, { } max) => $"Enter a number of at most {Show(max)}.",
            _ => "Enter a number.",
        };
        if (number is not { } n) return (null, range);
        if ((rules.Min is { } low && n < low) || (rules.Max is { } high && n > high)) return (null, range);
        if (FormSchemaReader.DecimalDigits(field.Raw) is { } digits && decimal.Round(n, digits) != n)
            return (null, digits == 0 ? "Enter a whole number." : $"Enter a number with at most {digits} decimal places.");
        var serializeToString = field.Raw["serializeToString"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
        return (serializeToString ? JsonValue.Create(n.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(n), null);
    }

    private static (JsonNode?, string?) CheckCheckbox(FormField field, JsonNode value)
    {
        var kind = value.GetValueKind();
        if (kind is not (JsonValueKind.True or JsonValueKind.False)) return (null, "Tick the box or leave it empty.");
        var ticked = kind == JsonValueKind.True;
        if (field.Rules.Required && !ticked) return (null, "Tick this box to continue.");
        return (JsonValue.Create(ticked), null);
    }

    private static (JsonNode?, string?) CheckChecklist(FormField field, JsonNode value, IReadOnlyList<FormOption> options)
    {
        if (value is not JsonArray array) return (null, "Choose from the options.");
        var chosen = new List<string>();
        foreach (var item in array)
        {
            var choice = OptionValue(item);
            if (choice is null || !options.Any(o => o.Value == choice)) return (null, "Choose only from the options shown.");
            if (!chosen.Contains(choice, StringComparer.Ordinal)) chosen.Add(choice);
        }
        if (field.Rules.Required && chosen.Count == 0) return (null, "Choose at least one option.");
        return (new JsonArray(chosen.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()), null);
    }

    private static (JsonNode?, string?) CheckChoice(JsonNode value, IReadOnlyList<FormOption> options)
    {
        var choice = OptionValue(value);
        if (choice is null || !options.Any(o => o.Value == choice)) return (null, "Choose one of the options shown.");
        return (JsonValue.Create(choice), null);
    }

    private static (JsonNode?, string?) CheckDateTime(FormField field, JsonNode value)
    {
        var text = FormSchemaReader.Str(value)?.Trim();
        switch (field.DateTimeSubtype)
        {
            case "time":
                return text is not null && TimePattern().IsMatch(text) ? (JsonValue.Create(text), null) : (null, "Enter a time as HH:MM, like 14:30.");
            case "datetime":
                return text is not null && DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out _)
                    ? (JsonValue.Create(text), null)
                    : (null, "Enter a date and time, like 2026-03-31T14:30.");
            default:
                return text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? (JsonValue.Create(text), null)
                    : (null, "Enter a date as YYYY-MM-DD, like 2026-03-31.");
        }
    }

    private static IReadOnlyList<FormOption> Options(FormField field, IReadOnlyDictionary<string, IReadOnlyList<FormOption>>? dynamicOptions) =>
        field.ValuesKey is { } valuesKey
            ? dynamicOptions is not null && dynamicOptions.TryGetValue(valuesKey, out var options) ? options : []
            : field.Values;

    /// <summary>An option value as given: a string, or a number or boolean written as text.</summary>
    private static string? OptionValue(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => FormSchemaReader.Str(node),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => node.ToJsonString(),
        _ => null,
    };

    private static decimal? ParseNumber(string text) =>
        text.Length <= 64 && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string Show(decimal number) => number.ToString("0.############################", CultureInfo.InvariantCulture);

    private static bool IsEmail(string text) => text.Length <= 254 && EmailPattern().IsMatch(text);

    [GeneratedRegex(@"^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EmailPattern();

    /// <summary>An international number as form-js asks for: '+' or '00', then 7 to 15 digits, spaces, hyphens, dots or brackets between.</summary>
    [GeneratedRegex(@"^(\+|00)\d(?:[ \-.()]?\d){6,14}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^([01]\d|2[0-3]):[0-5]\d(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}

/// <summary>Checked answers and the problems found (each naming its field key); valid when there are none.</summary>
public sealed record FormAnswerCheck(JsonObject Answers, IReadOnlyList<FormProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
