using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Expressions;

/// <summary>Evaluates wrapped inputs (<c>{typeName, expression:{type, value}}</c>) to JSON values.</summary>
public sealed class ExpressionEvaluator(JavaScriptEvaluator javaScript)
{
    /// <summary>Evaluates a wrapped input, a bare literal, or null (unset).</summary>
    public JsonNode? Evaluate(JsonNode? input, ExpressionScope scope, CancellationToken cancellationToken = default)
    {
        switch (input)
        {
            case null:
                return null;
            case JsonValue bare:
                return bare.DeepClone();
            case JsonObject wrapped when wrapped.ContainsKey("typeName") || wrapped.ContainsKey("expression"):
                return wrapped["expression"] is JsonObject expression ? EvaluateExpression(expression, scope, cancellationToken) : null;
            default:
                return null;
        }
    }

    /// <summary>Evaluates an expression object <c>{type, value}</c>.</summary>
    public JsonNode? EvaluateExpression(JsonObject expression, ExpressionScope scope, CancellationToken cancellationToken = default)
    {
        var type = expression["type"] is JsonValue t && t.TryGetValue(out string? s) ? s : ExpressionTypes.Literal;
        var value = expression["value"];
        return type switch
        {
            ExpressionTypes.Literal => value?.DeepClone(),
            ExpressionTypes.Object or ExpressionTypes.Json => value is JsonValue jv && jv.TryGetValue(out string? text)
                ? string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text)
                : value?.DeepClone(),
            ExpressionTypes.Variable => scope.Get(ReferenceId(value, "id") ?? throw new InvalidOperationException("The variable reference has no id.")),
            ExpressionTypes.Input => scope.State.Input[ReferenceId(value, "name") ?? throw new InvalidOperationException("The input reference has no name.")]?.DeepClone(),
            ExpressionTypes.JavaScript => value is JsonValue script && script.TryGetValue(out string? code) && !string.IsNullOrWhiteSpace(code)
                ? javaScript.Evaluate(code, scope, cancellationToken)
                : null,
            _ => throw new InvalidOperationException($"Expression type '{type}' is not supported."),
        };
    }

    /// <summary>Reads a property of a reference given as an object or as a JSON string holding one (or a plain name).</summary>
    internal static string? ReferenceId(JsonNode? value, string property)
    {
        if (value is JsonObject obj) return obj[property]?.GetValue<string>();
        if (value is not JsonValue v || !v.TryGetValue(out string? text) || string.IsNullOrWhiteSpace(text)) return null;
        if (!text.TrimStart().StartsWith('{')) return text;
        return JsonNode.Parse(text) is JsonObject parsed ? parsed[property]?.GetValue<string>() : null;
    }
}
