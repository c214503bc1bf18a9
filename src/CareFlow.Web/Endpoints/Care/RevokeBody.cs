namespace CareFlow.Web.Endpoints.Care;

public sealed record RevokeBody(string? Method);
