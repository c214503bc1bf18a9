using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CareFlow.Workflows.Definitions;

/// <summary>
/// The rules for the text a workflow definition carries, checked on every save path (Studio saves, file imports,
/// the engine's own saves) before anything is stored:
/// <list type="bullet">
/// <item>ids (<c>definitionId</c>, activity, flowchart and variable ids) match <see cref="IdPattern"/>: ASCII letters and
/// digits, then <c>_ . : -</c>, at most <see cref="MaxIdLength"/> characters. Elsa, Studio 3.8 (16- or 32-digit hex ids)
/// and every shipped workflow fit this;</item>
/// <item>names and display text are strings without control, bidirectional-override, zero-width or other invisible
/// formatting characters, at most <see cref="MaxNameLength"/> characters; descriptions may also hold tabs and line breaks,
/// at most <see cref="MaxDescriptionLength"/>;</item>
/// <item>variable names are unique ignoring case (the runtime looks names up exactly, then ignoring case, so two names
/// that differ only in case would be ambiguous), variable ids unique exactly;</item>
/// <item>no string anywhere (values or property names) holds NUL, another C0 control besides tab, line feed and
/// carriage return, or an unpaired UTF-16 surrogate: such text cannot be stored on PostgreSQL or written back as JSON.</item>
/// </list>
/// Wrongly typed fields are refused, never coerced.
/// </summary>
public static partial class DefinitionTextRules
{
    /// <summary>The longest accepted id.</summary>
    public const int MaxIdLength = 128;

    /// <summary>The longest accepted name (workflow, activity, variable).</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest accepted workflow description.</summary>
    public const int MaxDescriptionLength = 2000;

    /// <summary>The pattern every id matches.</summary>
    public const string IdPattern = @"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}\z";

    /// <summary>True when <paramref name="id"/> is an acceptable id (see <see cref="IdPattern"/>).</summary>
    public static bool IsValidId(string? id) => id is not null && IdRegex().IsMatch(id);

    /// <summary>Every rule broken by <paramref name="document"/>, each with its JSON path; empty when it follows them all.</summary>
    public static IReadOnlyList<DefinitionError> Check(JsonObject document)
    {
        var errors = new List<DefinitionError>();
        CheckStrings(document, "$", errors);
        if (errors.Count > 0) return errors; // unreadable text: the field checks below would only repeat it

        Id(document, "definitionId", "$.definitionId", required: true, errors);
        Id(document, "id", "$.id", required: false, errors);
        Text(document, "name", "$.name", MaxNameLength, multiLine: false, errors);
        Text(document, "description", "$.description", MaxDescriptionLength, multiLine: true, errors);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var variableIds = new HashSet<string>(StringComparer.Ordinal);
        Variables(document["variables"], "$.variables", names, variableIds, errors);
        if (document["root"] is JsonObject root) Activity(root, "$.root", names, variableIds, errors);
        return errors;
    }

    /// <summary>
    /// Adds an error for each string in <paramref name="node"/> (values and property names) that cannot be read as
    /// Unicode text (an unpaired surrogate) or that holds NUL or another C0 control besides tab, line feed and carriage return.
    /// </summary>
    public static void CheckStrings(JsonNode? node, string path, List<DefinitionError> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                List<KeyValuePair<string, JsonNode?>> properties;
                try
                {
                    properties = [.. obj];
                }
                catch (InvalidOperationException)
                {
                    errors.Add(new DefinitionError(path, "A property name here is not valid Unicode text (an unpaired UTF-16 surrogate)."));
                    return;
                }

                foreach (var (name, value) in properties)
                {
                    var at = PropertyPath(path, name);
                    if (Unsafe(name) is { } problem) errors.Add(new DefinitionError(path, $"A property name here {problem}."));
                    CheckStrings(value, at, errors);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) CheckStrings(array[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), errors);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                string? text;
                try
                {
                    text = value.GetValue<string>();
                }
                catch (Exception ex) when (ex is InvalidOperationException or FormatException)
                {
                    errors.Add(new DefinitionError(path, "The text is not valid Unicode (an unpaired UTF-16 surrogate)."));
                    return;
                }

                if (Unsafe(text) is { } reason) errors.Add(new DefinitionError(path, $"The text {reason}."));
                break;
        }
    }

    private static void Activity(JsonObject activity, string path, Dictionary<string, string> names, HashSet<string> variableIds, List<DefinitionError> errors)
    {
        Id(activity, "id", path + ".id", required: false, errors);
        Text(activity, "name", path + ".name", MaxNameLength, multiLine: false, errors);
        Text(activity, "displayName", path + ".displayName", MaxNameLength, multiLine: false, errors);
        Variables(activity["variables"], path + ".variables", names, variableIds, errors);
        if (activity["activities"] is not JsonArray children) return;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is JsonObject child)
                Activity(child, string.Create(CultureInfo.InvariantCulture, $"{path}.activities[{i}]"), names, variableIds, errors);
        }
    }

    private static void Variables(JsonNode? node, string path, Dictionary<string, string> names, HashSet<string> ids, List<DefinitionError> errors)
    {
        if (JsonArrays.Unwrap(node) is not { } variables) return; // absent, or a shape the parser reports
        for (var i = 0; i < variables.Count; i++)
        {
            if (variables[i] is not JsonObject variable) continue;
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            if (Id(variable, "id", at + ".id", required: false, errors) is { } id && !ids.Add(id))
                errors.Add(new DefinitionError(at + ".id", $"The variable id '{id}' is used twice."));
            if (Text(variable, "name", at + ".name", MaxNameLength, multiLine: false, errors) is not { Length: > 0 } name) continue;
            if (names.TryGetValue(name, out var first))
                errors.Add(new DefinitionError(at + ".name", $"The variable name '{name}' is already used at {first} (names are compared ignoring case)."));
            else
                names[name] = at;
        }
    }

    /// <summary>Checks an id property; returns it when it is a valid id.</summary>
    private static string? Id(JsonObject obj, string property, string path, bool required, List<DefinitionError> errors)
    {
        var node = obj[property];
        if (node is null)
        {
            if (required) errors.Add(new DefinitionError(path, $"{property} is required."));
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(new DefinitionError(path, $"{property} must be a string, not {Kind(node)}."));
            return null;
        }

        var id = node.GetValue<string>();
        if (id.Length == 0 && !required) return null;
        if (id.Length > MaxIdLength)
        {
            errors.Add(new DefinitionError(path, string.Create(CultureInfo.InvariantCulture, $"{property} is {id.Length} characters long; the limit is {MaxIdLength}.")));
            return null;
        }

        if (!IdRegex().IsMatch(id))
        {
            errors.Add(new DefinitionError(path, $"{property} may hold only ASCII letters and digits, then '_', '.', ':' or '-' (pattern {IdPattern})."));
            return null;
        }

        return id;
    }

    /// <summary>Checks an optional text property; returns it when it follows the rules.</summary>
    private static string? Text(JsonObject obj, string property, string path, int maxLength, bool multiLine, List<DefinitionError> errors)
    {
        var node = obj[property];
        if (node is null) return null;
        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(new DefinitionError(path, $"{property} must be a string, not {Kind(node)}."));
            return null;
        }

        var text = node.GetValue<string>();
        if (text.Length > maxLength)
        {
            errors.Add(new DefinitionError(path, string.Create(CultureInfo.InvariantCulture, $"{property} is {text.Length} characters long; the limit is {maxLength}.")));
            return null;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (multiLine && rune.Value is '\t' or '\n' or '\r') continue;
            if (Invisible(rune) is { } what)
            {
                errors.Add(new DefinitionError(path, string.Create(CultureInfo.InvariantCulture, $"{property} must not contain {what} (U+{rune.Value:X4}).")));
                return null;
            }
        }

        return text;
    }

    /// <summary>Why a character has no place in display text, or null when it is fine.</summary>
    private static string? Invisible(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control => "a control character",
        UnicodeCategory.Format when rune.Value is 0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069)
            => "a bidirectional text control",
        UnicodeCategory.Format => "an invisible formatting character (zero-width or similar)",
        UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "a line or paragraph separator",
        UnicodeCategory.Surrogate => "an unpaired surrogate",
        UnicodeCategory.PrivateUse => "a private-use character",
        _ => null,
    };

    /// <summary>Why any string is unsafe to store, or null.</summary>
    private static string? Unsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return "contains a NUL character (U+0000)";
            if (c < 0x20 && c is not '\t' and not '\n' and not '\r')
                return string.Create(CultureInfo.InvariantCulture, $"contains a control character (U+{(int)c:X4})");
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c)) return "is not valid Unicode (an unpaired UTF-16 surrogate)";
        }

        return null;
    }

    private static string Kind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "a " + node.GetValueKind().ToString().ToLowerInvariant(),
    };

    private static string PropertyPath(string path, string name) =>
        IdRegex().IsMatch(name) && !name.Contains('.', StringComparison.Ordinal) && !name.Contains(':', StringComparison.Ordinal)
            ? $"{path}.{name}"
            : $"{path}['{Escape(name)}']";

    private static string Escape(string name)
    {
        var builder = new StringBuilder(Math.Min(name.Length, 64));
        foreach (var c in name.Length > 64 ? name[..64] : name)
            builder.Append(c < 0x20 || char.IsSurrogate(c) || c is '\'' or '\\' ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c);
        return builder.ToString();
    }

    [GeneratedRegex(IdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();
}
