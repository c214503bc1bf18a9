namespace CareFlow.Web.Endpoints.Care;

/// <summary>A reassignment: the user name of the coordinator who takes the case, and why.</summary>
public sealed record ReassignBody(string? CoordinatorId, string? Reason);
