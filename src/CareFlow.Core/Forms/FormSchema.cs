using System.Text.Json.Nodes;

namespace CareFlow.Core.Forms;

/// <summary>
/// A form-js schema (Camunda's form format, <c>@bpmn-io/form-js</c> 1.23) as CareFlow reads it: the components a case
/// manager needs, their rules and options. The stored JSON stays the source of truth (<see cref="Raw"/>); this is the
/// checked view of it that the renderer and the answer validator use. Keys are unique across the whole form (groups
/// included), so answers are one flat object keyed by field key.
/// </summary>
public sealed record FormSchema(string Id, string? Name, IReadOnlyList<FormField> Components, JsonObject Raw)
{
    /// <summary>Every field that takes an answer, groups flattened, in document order.</summary>
    public IEnumerable<FormField> InputFields() => Flatten(Components).Where(f => f.Key is not null);

    private static IEnumerable<FormField> Flatten(IEnumerable<FormField> fields)
    {
        foreach (var field in fields)
        {
            yield return field;
            foreach (var inner in Flatten(field.Components)) yield return inner;
        }
    }
}

/// <summary>
/// One form-js component. <see cref="Type"/> is form-js's type name (textfield, textarea, number, checkbox, checklist,
/// radio, select, datetime, text, group, …); <see cref="Key"/> is null for components that take no answer (text, group).
/// </summary>
public sealed record FormField(
    string Type,
    string Id,
    string? Key,
    string? Label,
    string? Description,
    string? Text,
    FormFieldRules Rules,
    IReadOnlyList<FormOption> Values,
    string? ValuesKey,
    string? DateTimeSubtype,
    IReadOnlyList<FormField> Components,
    JsonObject Raw);

/// <summary>form-js's <c>validate</c> block (plus the datetime and number bounds), the rules the server enforces.</summary>
public sealed record FormFieldRules(
    bool Required = false,
    decimal? Min = null,
    decimal? Max = null,
    int? MinLength = null,
    int? MaxLength = null,
    string? Pattern = null,
    string? ValidationType = null);

/// <summary>An option of a radio, select or checklist.</summary>
public sealed record FormOption(string Label, string Value);

/// <summary>A problem with a schema or an answer: <see cref="Path"/> is a JSON path for a schema, the field key for an answer.</summary>
public sealed record FormProblem(string Path, string Message);
