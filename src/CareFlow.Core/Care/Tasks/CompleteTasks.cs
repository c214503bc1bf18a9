using System.Text.Json.Nodes;

namespace CareFlow.Core.Care.Tasks;

/// <summary>Use case: a coordinator completes a task; the workflow waiting on it continues (exactly once).</summary>
public static class CompleteTasks
{
    public static async Task<CoordinatorTask> CompleteAsync(ICareData data, ICareSignals signals, TimeProvider time, Guid taskId, JsonNode? result, string by, CancellationToken cancellationToken = default)
    {
        var task = await data.FirstOrDefaultAsync(data.Query<CoordinatorTask>().Where(t => t.Id == taskId), cancellationToken)
            ?? throw new CareValidationException("taskId", "Unknown task.");
        if (task.Status is CoordinatorTaskStatus.Completed or CoordinatorTaskStatus.Cancelled)
            throw new CareValidationException("status", $"The task is already {task.Status.ToString().ToLowerInvariant()}.");
        await ValidateResultAsync(data, task, result, cancellationToken);
        var input = new JsonObject { ["completedBy"] = by, ["result"] = result?.DeepClone() };
        var resumed = await signals.SignalAsync(CareBookmarks.TaskCompleted, task.Id.ToString(), input, cancellationToken);
        var saved = await data.FirstOrDefaultAsync(data.Query<CoordinatorTask>().Where(t => t.Id == taskId), cancellationToken) ?? task;
        if (resumed == 0 && saved.Status is CoordinatorTaskStatus.Open or CoordinatorTaskStatus.Overdue)
        {
            // Nothing waits any more (the overdue path was taken): record the completion anyway.
            saved.Status = CoordinatorTaskStatus.Completed;
            saved.CompletedAt = time.GetUtcNow();
            saved.CompletedBy = by;
            saved.ResultJson = result?.ToJsonString();
            await data.SaveChangesAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>Completes the open tasks of one kind on a case (e.g. the screening task once a screening is submitted).</summary>
    public static async Task OpenOfKindAsync(ICareData data, ICareSignals signals, Guid caseId, CoordinatorTaskKind kind, string by, CancellationToken cancellationToken = default)
    {
        var open = await data.ToListAsync(data.Query<CoordinatorTask>().Where(t => t.CaseId == caseId && t.Kind == kind
            && (t.Status == CoordinatorTaskStatus.Open || t.Status == CoordinatorTaskStatus.Overdue)).Select(t => t.Id), cancellationToken);
        foreach (var id in open)
            await signals.SignalAsync(CareBookmarks.TaskCompleted, id.ToString(), new JsonObject { ["completedBy"] = by }, cancellationToken);
    }

    private static async Task ValidateResultAsync(ICareData data, CoordinatorTask task, JsonNode? result, CancellationToken cancellationToken)
    {
        if (task.Kind != CoordinatorTaskKind.ChooseService) return;
        var serviceId = result?["serviceId"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        if (string.IsNullOrWhiteSpace(serviceId)) throw new CareValidationException("result.serviceId", "Choose a directory service.");
        var service = await data.FirstOrDefaultAsync(data.Query<Directory.Service>().Where(x => x.Id == serviceId), cancellationToken);
        if (service is null) throw new CareValidationException("result.serviceId", $"Unknown directory service '{serviceId}'.");
        if (!service.IsActive) throw new CareValidationException("result.serviceId", $"'{service.Name}' is {service.Status}.");
        if (result?["needId"] is JsonValue n && (!n.TryGetValue(out string? needId) || !Guid.TryParse(needId, out _)))
            throw new CareValidationException("result.needId", "needId must be a need id.");
    }
}
