using System.Text.Json.Nodes;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>
/// A task's completion: <c>{"answers": {…}}</c> (keyed by field key) for a task with a form; else the coordinator's
/// result, for a choose-service task <c>{"result": {"serviceId": "…", "needId": "…"}}</c>.
/// </summary>
public sealed record CompleteTaskBody(JsonObject? Result, JsonNode? Answers = null);
