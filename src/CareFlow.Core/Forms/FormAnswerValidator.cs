using System.Text.Json.Nodes;

namespace CareFlow.Core.Forms;

/// <summary>
/// The server's judgement of answers to a form: every rule of the schema (required, min/max, length, pattern,
/// options, date formats) is enforced here, whatever the browser did. Answers to keys the form does not have are
/// dropped; the result is typed as the form says (numbers as numbers, checklists as arrays of option values, dates as
/// ISO strings).
/// </summary>
public static class FormAnswerValidator
{
    /// <param name="schema">The form, at the version the answers are given under.</param>
    /// <param name="answers">The answers as JSON (the API) or as converted from a posted HTML form (see <see cref="FromFormPost"/>).</param>
    /// <param name="dynamicOptions">Options for fields with a <c>valuesKey</c> (e.g. the directory's services), by that key.</param>
    public static FormAnswerCheck Validate(FormSchema schema, JsonObject? answers, IReadOnlyDictionary<string, IReadOnlyList<FormOption>>? dynamicOptions = null)
        => throw new NotImplementedException();

    /// <summary>
    /// Turns posted HTML form values (field name = key; several values for a checklist) into answers to validate: text
    /// stays text, a number field's text is parsed (a non-number is kept as text so the rule reports it), a checkbox is
    /// true when posted.
    /// </summary>
    public static JsonObject FromFormPost(FormSchema schema, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> posted)
        => throw new NotImplementedException();
}

/// <summary>Checked answers and the problems found (each naming its field key); valid when there are none.</summary>
public sealed record FormAnswerCheck(JsonObject Answers, IReadOnlyList<FormProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
