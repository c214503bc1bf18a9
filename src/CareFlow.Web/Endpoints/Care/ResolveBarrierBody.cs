namespace CareFlow.Web.Endpoints.Care;

/// <summary>What resolved a barrier.</summary>
public sealed record ResolveBarrierBody(string? Resolution);
