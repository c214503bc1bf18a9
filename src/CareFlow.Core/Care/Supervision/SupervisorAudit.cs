using CareFlow.Core.Audit;

namespace CareFlow.Core.Care.Supervision;

/// <summary>
/// The audit row of a supervisor's operation, added to the operation's own unit of work so that it commits (or not)
/// with the change it records. The request's own row (route, method, address) is written by the host as for every
/// request; this one says what changed and why.
/// </summary>
public static class SupervisorAudit
{
    /// <summary>What <see cref="AuditEntry.Method"/> holds for these rows: a use case, not an HTTP request.</summary>
    public const string Method = "USE-CASE";

    /// <summary>Longest <see cref="AuditEntry.Detail"/> kept (the column's length).</summary>
    public const int MaxDetailLength = 2000;

    public static AuditEntry Record(ICareData data, DateTimeOffset at, string actor, string action, string targetType, Guid targetId, string useCase, string detail)
    {
        var entry = new AuditEntry
        {
            At = at, Actor = actor.Length > 256 ? actor[..256] : actor, Action = action, TargetType = targetType, TargetId = targetId.ToString(),
            Route = useCase, Method = Method, Status = 0, Detail = detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail,
        };
        data.Add(entry);
        return entry;
    }
}
