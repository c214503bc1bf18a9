using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Definitions;

/// <summary>
/// Reads Elsa 3 workflow-definition JSON, including legacy shapes (UTF-8 BOM, flat connections,
/// <c>$values</c> wrappers). Structural problems are reported with their JSON path; catalogue checks
/// (types, ports, inputs) are the <see cref="WorkflowDefinitionValidator"/>'s job.
/// </summary>
public static class WorkflowDefinitionParser
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Parses a UTF-8 document; throws <see cref="DefinitionException"/> with every error found.</summary>
    public static WorkflowDefinition Parse(ReadOnlySpan<byte> utf8, ParseOptions? options = null)
    {
        options ??= ParseOptions.Default;
        if (utf8.Length > options.MaxDocumentBytes)
        {
            throw new DefinitionException([new DefinitionError("$",
                $"The document is {utf8.Length} bytes; the limit is {options.MaxDocumentBytes} bytes.")]);
        }

        if (utf8.StartsWith(Utf8Bom)) utf8 = utf8[3..];
        if (!System.Text.Unicode.Utf8.IsValid(utf8)) throw new DefinitionException([new DefinitionError("$", "The document is not valid UTF-8.")]);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = options.MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1})") : "";
            throw new DefinitionException([new DefinitionError(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, "Malformed JSON" + where + ": " + FirstSentence(ex.Message))]);
        }

        if (node is not JsonObject json) throw new DefinitionException([new DefinitionError("$", "The document must be a JSON object.")]);
        return FromJson(json);
    }

    /// <summary>Parses a JSON string.</summary>
    public static WorkflowDefinition Parse(string json, ParseOptions? options = null) => Parse(Encoding.UTF8.GetBytes(json), options);

    /// <summary>Builds the model from an already-parsed JSON object (which is kept as the document).</summary>
    public static WorkflowDefinition FromJson(JsonObject json)
    {
        var errors = new List<DefinitionError>();
        var definitionId = ReadString(json, "definitionId", "$.definitionId", errors, required: true) ?? "";
        var id = ReadString(json, "id", "$.id", errors, required: false) ?? "";
        var version = 1;
        if (json["version"] is JsonNode vNode)
        {
            if (vNode is JsonValue vv && vv.TryGetValue(out int v) && v >= 1) version = v;
            else errors.Add(new DefinitionError("$.version", "version must be a positive whole number."));
        }

        var variables = ReadVariables(json["variables"], "$.variables", errors);
        FlowchartModel? root = null;
        if (json["root"] is not JsonObject rootJson) errors.Add(new DefinitionError("$.root", "root is required and must be an Elsa.Flowchart activity object."));
        else root = FlowchartReader.Read(rootJson, "$.root", errors);

        if (errors.Count > 0 || root is null) throw new DefinitionException(errors);
        return new WorkflowDefinition
        {
            Json = json,
            DefinitionId = definitionId,
            Id = id,
            Version = version,
            Name = json["name"] is JsonValue n && n.TryGetValue(out string? name) ? name : null,
            Root = root,
            Variables = variables,
        };
    }

    internal static string? ReadString(JsonObject obj, string property, string path, List<DefinitionError> errors, bool required)
    {
        var node = obj[property];
        if (node is null)
        {
            if (required) errors.Add(new DefinitionError(path, $"{property} is required."));
            return null;
        }

        if (node is JsonValue value && value.TryGetValue(out string? s))
        {
            if (required && string.IsNullOrWhiteSpace(s)) errors.Add(new DefinitionError(path, $"{property} must not be empty."));
            return s;
        }

        errors.Add(new DefinitionError(path, $"{property} must be a string."));
        return null;
    }

    internal static IReadOnlyList<VariableDefinition> ReadVariables(JsonNode? node, string path, List<DefinitionError> errors)
    {
        var list = new List<VariableDefinition>();
        var items = JsonArrays.Unwrap(node);
        if (items is null)
        {
            if (node is not null) errors.Add(new DefinitionError(path, "variables must be an array."));
            return list;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            if (items[i] is not JsonObject v)
            {
                errors.Add(new DefinitionError(itemPath, "A variable must be an object."));
                continue;
            }

            var vid = ReadString(v, "id", itemPath + ".id", errors, required: true);
            var name = ReadString(v, "name", itemPath + ".name", errors, required: true);
            var typeName = ReadString(v, "typeName", itemPath + ".typeName", errors, required: false) ?? "Object";
            var initial = v["value"] switch
            {
                null => null,
                JsonValue jv when jv.TryGetValue(out string? s) => s,
                JsonNode other => other.ToJsonString(),
            };
            if (vid is not null && name is not null) list.Add(new VariableDefinition(vid, name, typeName, initial));
        }

        return list;
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..(i + 1)] : message;
    }
}
