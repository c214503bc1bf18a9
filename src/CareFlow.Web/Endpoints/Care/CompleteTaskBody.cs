using System.Text.Json.Nodes;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>The coordinator's answer; for a choose-service task <c>{"serviceId": "…", "needId": "…"}</c>.</summary>
public sealed record CompleteTaskBody(JsonObject? Result);
