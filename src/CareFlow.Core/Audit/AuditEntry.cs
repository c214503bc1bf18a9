namespace CareFlow.Core.Audit;

/// <summary>
/// One line of the append-only audit log: who did what to which record, when, from where, and how it ended. It holds
/// ids only, never client data (names, dates of birth, notes); a supervisor operation adds the reason it was given in <see cref="Detail"/>. The database rejects UPDATE and DELETE on its table.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When the request finished (UTC).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The user name, <c>apikey</c> for an API-key caller, or <c>anonymous</c>.</summary>
    public string Actor { get; set; } = "";

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What kind of record, e.g. <c>case</c>, <c>client</c>, <c>user</c>; null when the route names none.</summary>
    public string? TargetType { get; set; }

    /// <summary>The record's id from the route (or the user name for account events); null for lists.</summary>
    public string? TargetId { get; set; }

    /// <summary>The endpoint's route pattern, e.g. <c>/api/cases/{id:guid}</c>, or the request path for sign-in events.</summary>
    public string Route { get; set; } = "";

    /// <summary>HTTP method.</summary>
    public string Method { get; set; } = "";

    /// <summary>The HTTP status code answered.</summary>
    public int Status { get; set; }

    /// <summary>The caller's IP address as the server saw it.</summary>
    public string? RemoteIp { get; set; }

    /// <summary>
    /// For a supervisor's operation on records (a case reassigned, two client records merged): the ids involved, the
    /// counts of rows moved and the reason the supervisor gave. Null for request rows.
    /// </summary>
    public string? Detail { get; set; }
}
