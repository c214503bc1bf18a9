using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareFlow.Core.Hygiene;

namespace CareFlow.Core.Forms;

/// <summary>
/// Reads and checks a form-js schema: known component types only, unique keys, rules that make sense (min ≤ max, a
/// pattern that compiles), options with unique values. Used on every save and at provisioning.
/// </summary>
public static partial class FormSchemaReader
{
    /// <summary>The form-js component types CareFlow renders and validates.</summary>
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "datetime", "text", "group",
    };

    /// <summary>form-js layout components that show no content and take no answer; accepted and rendered as nothing (or a rule).</summary>
    public static readonly IReadOnlySet<string> LayoutTypes = new HashSet<string>(StringComparer.Ordinal) { "spacer", "separator" };

    /// <summary>The types that take an answer and so need a <c>key</c>.</summary>
    public static readonly IReadOnlySet<string> AnswerTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "datetime",
    };

    /// <summary>The types whose answer is one of (or, for a checklist, several of) a list of options.</summary>
    public static readonly IReadOnlySet<string> OptionTypes = new HashSet<string>(StringComparer.Ordinal) { "checklist", "radio", "select" };

    /// <summary>The most components a form may have, groups and their contents included.</summary>
    public const int MaxComponents = 500;

    /// <summary>How deep groups may nest.</summary>
    public const int MaxGroupDepth = 8;

    /// <summary>The longest label, description or option label.</summary>
    public const int MaxLabelLength = 500;

    /// <summary>The longest static text.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>The longest validation pattern.</summary>
    public const int MaxPatternLength = 500;

    /// <summary>How long a pattern may take to match one answer before the answer is refused.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>The shape of a form id: lower-case letters, digits and hyphens, as the files in <c>forms/</c> are named.</summary>
    public static bool IsValidFormId(string? id) => id is not null && FormIdPattern().IsMatch(id);

    /// <summary>The shape of a field key: a letter or underscore, then letters, digits, underscores or hyphens; at most 64.</summary>
    public static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>The schema, or every problem found (each with its JSON path, e.g. <c>$.components[2].key</c>).</summary>
    public static FormSchemaReadResult Read(JsonNode? schema)
    {
        try
        {
            return ReadChecked(schema);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or JsonException)
        {
            // A JSON tree System.Text.Json cannot walk (e.g. duplicate property names) is a problem with the schema, not a crash.
            return new FormSchemaReadResult(null, [new FormProblem("$", "The form is not valid JSON (duplicate property names?).")]);
        }
    }

    private static FormSchemaReadResult ReadChecked(JsonNode? schema)
    {
        if (schema is not JsonObject source)
            return new FormSchemaReadResult(null, [new FormProblem("$", "A form must be a JSON object.")]);

        var root = (JsonObject)source.DeepClone();
        var walk = new Walk();

        var id = walk.String(root, "id", "$", required: true, maxLength: 64);
        if (id is not null && !IsValidFormId(id))
            walk.Problem("$.id", "A form id uses lower-case letters, digits and hyphens, starts with a letter or digit, and has at most 64 characters.");
        var name = walk.String(root, "name", "$", required: false, maxLength: 200);
        if (root.TryGetPropertyValue("type", out var rootType) && rootType is not null && !(Str(rootType) is "default"))
            walk.Problem("$.type", "A form's type is 'default' when given.");

        IReadOnlyList<FormField> components = [];
        if (!root.TryGetPropertyValue("components", out var list) || list is null)
            walk.Problem("$.components", "A form needs a 'components' array.");
        else if (list is not JsonArray array)
            walk.Problem("$.components", "'components' must be an array.");
        else
            components = walk.Components(array, "$.components", depth: 0);

        if (walk.Problems.Count > 0 || id is null)
            return new FormSchemaReadResult(null, walk.Problems);
        return new FormSchemaReadResult(new FormSchema(id, string.IsNullOrWhiteSpace(name) ? null : name, components, root), []);
    }

    /// <summary>The string in a JSON value, or null when it is not a string.</summary>
    internal static string? Str(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String) return null;
        try
        {
            return value.TryGetValue<string>(out var text) ? text : null;
        }
        catch (InvalidOperationException)
        {
            // Parsed JSON whose escapes make broken UTF-16 (a lone surrogate) cannot be read as a string.
            return null;
        }
    }

    /// <summary>True for a JSON string that cannot be read as text (broken UTF-16 from its escapes).</summary>
    internal static bool IsBrokenString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && Str(node) is null;

    /// <summary>The number in a JSON value as a decimal, or null when it is not a number decimal can hold.</summary>
    internal static decimal? Num(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var number) ? number : null;

    /// <summary>
    /// A rule's bound: a JSON number, or a plain decimal written as text (the form-js editor's properties panel saves
    /// its number inputs as strings, e.g. <c>"minLength": "10"</c>); anything else is null.
    /// </summary>
    private static decimal? Bound(JsonNode? node) =>
        Num(node) ?? (Str(node) is { } text && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) ? parsed : null);

    /// <summary>A number field's <c>decimalDigits</c> (0 to 20), or null when it is absent or not such a number.</summary>
    internal static int? DecimalDigits(JsonObject component) =>
        Num(component["decimalDigits"]) is { } d && d >= 0 && d <= 20 && d == Math.Floor(d) ? (int)d : null;

    /// <summary>True when <paramref name="text"/> has what CareFlow refuses in received text (<see cref="TextHygiene"/>): NUL, control or bidi characters, broken UTF-16.</summary>
    internal static bool HasForbiddenCharacters(string text) => TextHygiene.Problem(text, allowLineBreaks: true) is not null;

    /// <summary>The pattern compiled with <see cref="PatternTimeout"/>, or null when .NET cannot compile it.</summary>
    internal static Regex? CompilePattern(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex FormIdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    /// <summary>One pass over a schema, collecting problems and the ids and keys seen so far.</summary>
    private sealed class Walk
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private int _count;
        private bool _tooMany;

        public List<FormProblem> Problems { get; } = [];

        public void Problem(string path, string message) => Problems.Add(new FormProblem(path, message));

        public string? String(JsonObject owner, string property, string path, bool required, int maxLength)
        {
            var at = $"{path}.{property}";
            if (!owner.TryGetPropertyValue(property, out var node) || node is null)
            {
                if (required) Problem(at, $"'{property}' is required.");
                return null;
            }
            var text = Str(node);
            if (text is null)
            {
                Problem(at, IsBrokenString(node) ? $"'{property}' contains control characters." : $"'{property}' must be a string.");
                return null;
            }
            if (text.Length > maxLength)
            {
                Problem(at, $"'{property}' must have at most {maxLength} characters.");
                return null;
            }
            if (HasForbiddenCharacters(text))
            {
                Problem(at, $"'{property}' contains control characters.");
                return null;
            }
            if (required && text.Length == 0)
            {
                Problem(at, $"'{property}' must not be empty.");
                return null;
            }
            return text;
        }

        public List<FormField> Components(JsonArray array, string path, int depth)
        {
            var fields = new List<FormField>();
            for (var i = 0; i < array.Count; i++)
            {
                if (_tooMany) break;
                if (++_count > MaxComponents)
                {
                    _tooMany = true;
                    Problem($"{path}[{i}]", $"A form may have at most {MaxComponents} components.");
                    break;
                }
                var field = Component(array[i], $"{path}[{i}]", depth);
                if (field is not null) fields.Add(field);
            }
            return fields;
        }

        private FormField? Component(JsonNode? node, string path, int depth)
        {
            if (node is not JsonObject component)
            {
                Problem(path, "A component must be a JSON object.");
                return null;
            }

            var type = String(component, "type", path, required: true, maxLength: 64);
            if (type is null) return null;
            if (!KnownTypes.Contains(type) && !LayoutTypes.Contains(type))
            {
                Problem($"{path}.type", $"unknown field type '{type}'");
                return null;
            }

            var id = String(component, "id", path, required: false, maxLength: 100);
            if (id is not null && id.Length > 0 && !_ids.Add(id))
                Problem($"{path}.id", $"The component id '{id}' is used twice.");

            string? key = null;
            if (AnswerTypes.Contains(type))
            {
                key = String(component, "key", path, required: true, maxLength: 64);
                if (key is not null)
                {
                    if (!IsValidKey(key))
                        Problem($"{path}.key", "A key starts with a letter or '_' and uses only letters, digits, '_' or '-' (at most 64 characters).");
                    else if (!_keys.Add(key))
                        Problem($"{path}.key", $"The key '{key}' is used twice; every field needs its own key.");
                }
            }

            var label = String(component, "label", path, required: false, maxLength: MaxLabelLength);
            var description = String(component, "description", path, required: false, maxLength: MaxLabelLength);
            var text = type == "text" ? String(component, "text", path, required: false, maxLength: MaxTextLength) : null;

            var conditional = component["conditional"];
            if (conditional is JsonObject condition && Str(condition["hide"]) is { Length: > 0 })
                Problem($"{path}.conditional.hide", "Conditions that hide a field are not supported; every field is shown.");
            else if (conditional is not null and not JsonObject)
                Problem($"{path}.conditional", "'conditional' must be an object.");

            var rules = Rules(component, path);
            IReadOnlyList<FormOption> values = [];
            string? valuesKey = null;
            if (OptionTypes.Contains(type))
                (values, valuesKey) = Options(component, path);

            string? subtype = null;
            if (type == "datetime")
            {
                subtype = String(component, "subtype", path, required: false, maxLength: 16) ?? "date";
                if (subtype is not ("date" or "time" or "datetime"))
                {
                    Problem($"{path}.subtype", "A date/time field's subtype is 'date', 'time' or 'datetime'.");
                    subtype = null;
                }
                label ??= String(component, "dateLabel", path, required: false, maxLength: MaxLabelLength)
                    ?? String(component, "timeLabel", path, required: false, maxLength: MaxLabelLength);
            }

            if (type == "number" && component.TryGetPropertyValue("decimalDigits", out var digits) && digits is not null
                && Str(digits) is not { Length: 0 } && DecimalDigits(component) is null)
                Problem($"{path}.decimalDigits", "'decimalDigits' must be a whole number from 0 to 20.");

            IReadOnlyList<FormField> children = [];
            if (type == "group")
            {
                if (Str(component["path"]) is { Length: > 0 })
                    Problem($"{path}.path", "Groups with a data path are not supported; answers are one flat object keyed by field key.");
                if (!component.TryGetPropertyValue("components", out var inner) || inner is null)
                {
                    // An empty group is allowed.
                }
                else if (inner is not JsonArray innerArray)
                    Problem($"{path}.components", "'components' must be an array.");
                else if (depth + 1 > MaxGroupDepth)
                    Problem($"{path}.components", $"Groups may nest at most {MaxGroupDepth} deep.");
                else
                    children = Components(innerArray, $"{path}.components", depth + 1);
            }

            return new FormField(type, string.IsNullOrEmpty(id) ? key ?? path : id, key, label, description, text, rules, values, valuesKey,
                subtype, children, component);
        }

        private FormFieldRules Rules(JsonObject component, string path)
        {
            if (!component.TryGetPropertyValue("validate", out var node) || node is null) return new FormFieldRules();
            var at = $"{path}.validate";
            if (node is not JsonObject validate)
            {
                Problem(at, "'validate' must be an object.");
                return new FormFieldRules();
            }

            var required = false;
            if (validate.TryGetPropertyValue("required", out var req) && req is not null)
            {
                if (req.GetValueKind() is JsonValueKind.True or JsonValueKind.False) required = req.GetValue<bool>();
                else Problem($"{at}.required", "'required' must be true or false.");
            }

            var min = Number(validate, "min", at);
            var max = Number(validate, "max", at);
            if (min is not null && max is not null && min > max)
                Problem($"{at}.min", $"'min' ({min.Value.ToString(CultureInfo.InvariantCulture)}) is greater than 'max' ({max.Value.ToString(CultureInfo.InvariantCulture)}).");

            var minLength = Length(validate, "minLength", at);
            var maxLength = Length(validate, "maxLength", at);
            if (minLength is not null && maxLength is not null && minLength > maxLength)
                Problem($"{at}.minLength", $"'minLength' ({minLength}) is greater than 'maxLength' ({maxLength}).");

            var pattern = String(validate, "pattern", at, required: false, maxLength: MaxPatternLength);
            if (pattern is { Length: 0 }) pattern = null;
            if (pattern is not null && CompilePattern(pattern) is null)
            {
                Problem($"{at}.pattern", "The pattern is not a valid regular expression.");
                pattern = null;
            }

            var validationType = String(validate, "validationType", at, required: false, maxLength: 16);
            if (validationType is { Length: 0 }) validationType = null;
            if (validationType is not null and not ("email" or "phone"))
            {
                Problem($"{at}.validationType", "'validationType' is 'email' or 'phone'.");
                validationType = null;
            }

            return new FormFieldRules(required, min, max, minLength, maxLength, pattern, validationType);
        }

        private decimal? Number(JsonObject validate, string property, string at)
        {
            if (!validate.TryGetPropertyValue(property, out var node) || node is null) return null;
            // The form-js editor leaves an empty string when a bound is cleared.
            if (Str(node) is { Length: 0 }) return null;
            var number = Bound(node);
            if (number is null) Problem($"{at}.{property}", $"'{property}' must be a number.");
            return number;
        }

        private int? Length(JsonObject validate, string property, string at)
        {
            if (!validate.TryGetPropertyValue(property, out var node) || node is null) return null;
            if (Str(node) is { Length: 0 }) return null;
            var number = Bound(node);
            if (number is not { } n || n < 0 || n != Math.Floor(n) || n > int.MaxValue)
            {
                Problem($"{at}.{property}", $"'{property}' must be a whole number of 0 or more.");
                return null;
            }
            return (int)n;
        }

        private (IReadOnlyList<FormOption> Values, string? ValuesKey) Options(JsonObject component, string path)
        {
            var hasValues = component.TryGetPropertyValue("values", out var valuesNode) && valuesNode is not null;
            var valuesKey = String(component, "valuesKey", path, required: false, maxLength: 64);
            if (valuesKey is { Length: 0 }) valuesKey = null;
            if (component.TryGetPropertyValue("valuesExpression", out var expression) && expression is not null && Str(expression) is not { Length: 0 })
                Problem($"{path}.valuesExpression", "Options from an expression are not supported; list them in 'values' or name them with 'valuesKey'.");

            if (valuesKey is not null)
            {
                if (!IsValidKey(valuesKey))
                    Problem($"{path}.valuesKey", "A valuesKey starts with a letter or '_' and uses only letters, digits, '_' or '-'.");
                if (hasValues && valuesNode is JsonArray { Count: > 0 })
                    Problem($"{path}.values", "Give either 'values' or 'valuesKey', not both.");
                return ([], valuesKey);
            }

            if (!hasValues)
            {
                Problem($"{path}.values", "A choice needs its options in 'values' (or a 'valuesKey').");
                return ([], null);
            }
            if (valuesNode is not JsonArray array)
            {
                Problem($"{path}.values", "'values' must be an array.");
                return ([], null);
            }
            if (array.Count == 0)
            {
                Problem($"{path}.values", "A choice needs at least one option.");
                return ([], null);
            }

            var options = new List<FormOption>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < array.Count; i++)
            {
                var at = $"{path}.values[{i}]";
                if (array[i] is not JsonObject option)
                {
                    Problem(at, "An option must be an object with 'label' and 'value'.");
                    continue;
                }
                var label = String(option, "label", at, required: false, maxLength: MaxLabelLength);
                var value = String(option, "value", at, required: true, maxLength: 200);
                if (value is null) continue;
                if (!seen.Add(value))
                {
                    Problem($"{at}.value", $"The option value '{value}' is used twice.");
                    continue;
                }
                options.Add(new FormOption(string.IsNullOrEmpty(label) ? value : label, value));
            }
            return (options, null);
        }
    }
}

/// <summary>The outcome of <see cref="FormSchemaReader.Read"/>: a schema when <see cref="Problems"/> is empty.</summary>
public sealed record FormSchemaReadResult(FormSchema? Schema, IReadOnlyList<FormProblem> Problems)
{
    public bool IsValid => Schema is not null && Problems.Count == 0;
}
