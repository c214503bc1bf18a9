using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlow.Core.Care.Access;

/// <summary>
/// Decides, before a workflow runs, which case it would act on and whether the caller may act on it. Workflows read
/// their case from anywhere in the request (<c>input.caseId</c>, a <c>CaseId</c> variable, an expression over any
/// input, the correlation id), so every id-shaped value in <c>input</c>, <c>variables</c> and <c>correlationId</c>
/// counts: each one that names a care record must be within the caller's reach, a property named like a care id
/// (<c>caseId</c>, <c>referralId</c>, ...) must name an existing record, and all of them together may name one case
/// at most. That case becomes the run's correlation id, which is what later decides who may see the instance.
/// </summary>
public static class WorkflowRunScope
{
    /// <summary>At most this many id-shaped values are looked up per request; more is refused as bad input.</summary>
    public const int MaxIds = 32;

    /// <summary>Property names that say their value is a care record id (compared case-insensitively).</summary>
    private static readonly HashSet<string> CareIdNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "caseId", "clientId", "referralId", "taskId", "checkInId", "consentId", "intakeId", "planId", "needId",
    };

    /// <summary>Decides the run described by <paramref name="input"/>, <paramref name="variables"/> and <paramref name="correlationId"/>.</summary>
    public static async Task<RunScopeDecision> DecideAsync(
        ICareData data, CareRecordReach reach, JsonObject? input, JsonObject? variables, string? correlationId, CancellationToken cancellationToken)
    {
        var values = new List<(string Path, string? Name, string Text)>();
        Collect(input, "$.input", null, values);
        Collect(variables, "$.variables", null, values);
        if (correlationId is not null) values.Add(("$.correlationId", null, correlationId));
        var ids = new List<(string Path, Guid Id)>();
        foreach (var (path, name, text) in values)
        {
            if (Guid.TryParse(text, out var id)) ids.Add((path, id));
            else if (name is not null && CareIdNames.Contains(name) && text.Length > 0)
                return RunScopeDecision.Invalid(path, $"'{name}' must be a record id (GUID).");
        }

        if (ids.Count > MaxIds)
            return RunScopeDecision.Invalid("$.input", $"A run may carry at most {MaxIds} ids.");
        Guid? actingCase = null;
        string? actingPath = null;
        foreach (var (path, id) in ids)
        {
            var record = await reach.ResolveAsync(data, id, cancellationToken);
            var namedAsCareId = values.First(v => v.Path == path).Name is { } name && CareIdNames.Contains(name);
            if (record is null)
            {
                if (namedAsCareId) return RunScopeDecision.NotFound(path, id);
                continue; // names no care record: the run cannot reach client data through it
            }

            if (!record.WithinReach) return RunScopeDecision.NotFound(path, id);
            if (record.CaseId is not { } caseId) continue;
            if (actingCase is { } other && other != caseId)
                return RunScopeDecision.Invalid(path, $"A run acts on one case; {actingPath} and {path} belong to different cases.");
            actingCase = caseId;
            actingPath = path;
        }

        if (actingCase is { } acting && correlationId is not null && !(Guid.TryParse(correlationId, out var correlated) && correlated == acting))
            return RunScopeDecision.Invalid("$.correlationId", "A run on a case is correlated to that case: leave correlationId out or give the case id.");
        return RunScopeDecision.Allowed(actingCase);
    }

    private static void Collect(JsonNode? node, string path, string? name, List<(string Path, string? Name, string Text)> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj) Collect(child, $"{path}.{key}", key, values);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Collect(array[i], $"{path}[{i}]", name, values);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                values.Add((path, name, value.GetValue<string>()));
                break;
        }
    }
}

/// <summary>The decision on a workflow run: allowed (with the case it acts on, if any), not found, or invalid.</summary>
/// <param name="Status">What to answer.</param>
/// <param name="CaseId">The one case the run acts on, when allowed and it names one.</param>
/// <param name="Path">The JSON path of the value that decided a refusal.</param>
/// <param name="Message">Why it was refused.</param>
/// <param name="RefusedId">The id that was refused (for the audit log).</param>
public sealed record RunScopeDecision(RunScopeStatus Status, Guid? CaseId, string? Path, string? Message, Guid? RefusedId = null)
{
    internal static RunScopeDecision Allowed(Guid? caseId) => new(RunScopeStatus.Allowed, caseId, null, null);

    internal static RunScopeDecision NotFound(string path, Guid id) =>
        new(RunScopeStatus.NotFound, null, path, "No record with this id is on your caseload.", id);

    internal static RunScopeDecision Invalid(string path, string message) => new(RunScopeStatus.Invalid, null, path, message);
}

/// <summary>The outcome of <see cref="WorkflowRunScope.DecideAsync"/>.</summary>
public enum RunScopeStatus
{
    /// <summary>Everything the run names is within the caller's reach.</summary>
    Allowed,

    /// <summary>An id names a record outside the caller's reach, or no record where a care id was expected (404).</summary>
    NotFound,

    /// <summary>Malformed: a care id that is not an id, too many ids, or ids of different cases (400).</summary>
    Invalid,
}
