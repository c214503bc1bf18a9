using CareFlow.Workflows.Activities;

namespace CareFlow.Core.Activities;

/// <summary>
/// Resolves id inputs. An empty case id falls back to the workflow's <c>CaseId</c> variable, then its <c>caseId</c>
/// input, which is how a stage workflow started by <c>CareFlow.StartWorkflow</c> receives its case.
/// </summary>
internal static class CareInputs
{
    public static Guid CaseId(ActivityContext context, string? value) => Resolve(context, value, "CaseId", "caseId");

    public static Guid RequiredId(ActivityContext context, string? value, string input, string variable)
    {
        var text = string.IsNullOrWhiteSpace(value) ? Fallback(context, variable, null) : value;
        return Guid.TryParse(text, out var id) ? id
            : throw new ArgumentException($"Input '{input}' of '{context.Node.Id}' must be an id (GUID); got '{text ?? "(empty)"}'.");
    }

    public static Guid? OptionalId(ActivityContext context, string? value, string variable)
    {
        var text = string.IsNullOrWhiteSpace(value) ? Fallback(context, variable, null) : value;
        return Guid.TryParse(text, out var id) ? id : null;
    }

    private static Guid Resolve(ActivityContext context, string? value, string variable, string input)
    {
        var text = string.IsNullOrWhiteSpace(value) ? Fallback(context, variable, input) : value;
        return Guid.TryParse(text, out var id) ? id
            : throw new ArgumentException($"'{context.Node.Id}' needs a case id (input caseId, variable {variable} or workflow input {input}); got '{text ?? "(empty)"}'.");
    }

    private static string? Fallback(ActivityContext context, string variable, string? input)
    {
        if (context.Scope.FindByName(variable) is { } v && context.Scope.Get(v.Id) is { } node && node.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            var text = node.GetValue<string>();
            if (!string.IsNullOrWhiteSpace(text)) return text;
        }

        return input is null ? null : context.Workflow.Input[input]?.GetValue<string>();
    }
}
