namespace CareFlow.Web.Endpoints.Care;

/// <summary>A merge into the record named in the route: the record merged into it, and why.</summary>
public sealed record MergeBody(Guid? MergedId, string? Reason);
