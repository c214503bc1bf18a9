using System.Text.Json.Nodes;

namespace CareFlow.Core.Forms;

/// <summary>
/// Reads and checks a form-js schema: known component types only, unique keys, rules that make sense (min ≤ max, a
/// pattern that compiles), options with unique values. Used on every save and at provisioning.
/// </summary>
public static class FormSchemaReader
{
    /// <summary>The form-js component types CareFlow renders and validates.</summary>
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "datetime", "text", "group",
    };

    /// <summary>The schema, or every problem found (each with its JSON path, e.g. <c>$.components[2].key</c>).</summary>
    public static FormSchemaReadResult Read(JsonNode? schema) => throw new NotImplementedException();
}

/// <summary>The outcome of <see cref="FormSchemaReader.Read"/>: a schema when <see cref="Problems"/> is empty.</summary>
public sealed record FormSchemaReadResult(FormSchema? Schema, IReadOnlyList<FormProblem> Problems)
{
    public bool IsValid => Schema is not null && Problems.Count == 0;
}
