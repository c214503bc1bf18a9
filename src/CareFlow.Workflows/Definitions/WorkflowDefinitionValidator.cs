using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Expressions;

namespace CareFlow.Workflows.Definitions;

/// <summary>
/// Checks a parsed definition against the activity catalogue before anything is stored: known types, known
/// ports, required inputs, allowed expression types, literal values of the right type, variables that exist, and no
/// loop that could run without end (see <see cref="EndlessLoopCheck"/>).
/// </summary>
public sealed class WorkflowDefinitionValidator(ActivityCatalogue catalogue)
{
    /// <summary>Returns every error found (empty when the definition is valid).</summary>
    public IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition, ValidationOptions? options = null)
    {
        options ??= new ValidationOptions();
        var errors = new List<DefinitionError>(DefinitionTextRules.Check(definition.Json));
        var variableIds = definition.AllVariables.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var types = new Dictionary<string, ActivityType>(StringComparer.Ordinal);
        foreach (var node in definition.Root.Activities)
        {
            if (!catalogue.TryGet(node.Type, out var type))
            {
                errors.Add(new DefinitionError(node.Path + ".type", $"Unknown activity type '{node.Type}'."));
                continue;
            }

            if (type.Descriptor.IsContainer)
            {
                errors.Add(new DefinitionError(node.Path + ".type", $"'{node.Type}' cannot be nested; CareFlow runs one flowchart per workflow."));
                continue;
            }

            types[node.Id] = type;
            foreach (var (input, _) in type.Inputs) ValidateInput(node, input, variableIds, options, errors);
        }

        foreach (var connection in definition.Root.Connections)
        {
            if (!types.TryGetValue(connection.Source, out var sourceType)) continue;
            var port = string.IsNullOrEmpty(connection.SourcePort) ? ActivityPorts.Done : connection.SourcePort;
            var node = definition.Root.Find(connection.Source)!;
            var ports = sourceType.PortsFor(node.Json);
            if (!ports.Contains(port))
            {
                var known = ports.Count == 0 ? "it has no outbound ports" : "known ports: " + string.Join(", ", ports.Order(StringComparer.Ordinal));
                errors.Add(new DefinitionError(string.Create(CultureInfo.InvariantCulture, $"$.root.connections[{connection.Index}].source"),
                    $"Activity '{connection.Source}' ({sourceType.TypeName}) has no port '{port}'; {known}."));
            }
        }

        errors.AddRange(EndlessLoopCheck.Find(definition.Root, types));
        return errors;
    }

    private static void ValidateInput(ActivityNode node, InputDescriptor input, HashSet<string> variableIds, ValidationOptions options, List<DefinitionError> errors)
    {
        var name = JsonNamingPolicy.CamelCase.ConvertName(input.Name);
        var path = $"{node.Path}.{name}";
        var json = node.Json[name];
        if (!input.IsWrapped)
        {
            if (input.IsRequired && json is null) errors.Add(new DefinitionError(path, $"'{input.DisplayName}' is required."));
            return;
        }

        var expression = json is JsonObject wrapped ? wrapped["expression"] as JsonObject : null;
        var value = expression?["value"] ?? (json as JsonValue);
        if (input.IsRequired && (value is null || (value is JsonValue v && v.TryGetValue(out string? s) && string.IsNullOrWhiteSpace(s))))
        {
            errors.Add(new DefinitionError(path, $"'{input.DisplayName}' is required."));
            return;
        }

        if (expression is null) return;
        var type = expression["type"] is JsonValue t && t.TryGetValue(out string? typeName) ? typeName : ExpressionTypes.Literal;
        var expressionPath = path + ".expression.type";
        switch (type)
        {
            case ExpressionTypes.JavaScript when !options.AllowScripts:
                errors.Add(new DefinitionError(expressionPath, "Scripts are turned off: use a literal, a variable or a workflow input."));
                break;
            case ExpressionTypes.JavaScript when !input.AllowScript:
                errors.Add(new DefinitionError(expressionPath, $"'{input.DisplayName}' must be plain data, not a script."));
                break;
            case ExpressionTypes.JavaScript:
                if (value is JsonValue code && code.TryGetValue(out string? script) && JavaScriptEvaluator.CheckSyntax(script) is { } syntaxError)
                    errors.Add(new DefinitionError(path + ".expression.value", "The script does not parse: " + syntaxError));
                break;
            case ExpressionTypes.Variable:
                var id = SafeReference(value);
                if (id is null || !variableIds.Contains(id))
                    errors.Add(new DefinitionError(path + ".expression.value", $"Variable '{id ?? "(none)"}' is not declared in this workflow."));
                break;
            case ExpressionTypes.Literal:
                CheckLiteral(value, input, path + ".expression.value", errors);
                break;
            case ExpressionTypes.Object or ExpressionTypes.Json or ExpressionTypes.Input:
                break;
            default:
                errors.Add(new DefinitionError(expressionPath, $"Expression type '{type}' is not supported; use Literal, Object, Variable, Input or JavaScript."));
                break;
        }
    }

    private static void CheckLiteral(JsonNode? value, InputDescriptor input, string path, List<DefinitionError> errors)
    {
        if (value is null || input.TypeName is "String" or "Object") return;
        var clr = input.TypeName switch
        {
            "Boolean" => typeof(bool), "Int32" => typeof(int), "Int64" => typeof(long), "Double" => typeof(double),
            "TimeSpan" => typeof(TimeSpan), "DateTimeOffset" => typeof(DateTimeOffset), _ => null,
        };
        if (clr is null) return;
        if (value is JsonValue v && v.TryGetValue(out string? text) && string.IsNullOrWhiteSpace(text)) return;
        try
        {
            ValueConverter.Convert(value, clr);
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or FormatException)
        {
            errors.Add(new DefinitionError(path, $"'{value}' is not a valid {input.TypeName} for '{input.DisplayName}'."));
        }
    }

    private static string? SafeReference(JsonNode? value)
    {
        try
        {
            return ExpressionEvaluator.ReferenceId(value, "id");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
