using System.Text.Json.Nodes;
using CareFlow.Core.Reminders;

namespace CareFlow.Core.Care.Tasks;

/// <summary>
/// Use case: a coordinator completes a task; the workflow waiting on it continues (exactly once). The signal commits
/// on its own transaction before it is delivered, so an acknowledged completion survives a crash; the waiting step
/// records the completion when it resumes. A task nothing waits on any more is completed here.
/// </summary>
public sealed class CompleteTaskHandler(ICareData data, ICareSignals signals, CoordinatorReminders reminders, TimeProvider time)
{
    public async Task<CoordinatorTask> HandleAsync(Guid taskId, JsonNode? result, string by, CancellationToken cancellationToken = default)
    {
        var task = await data.FirstOrDefaultAsync(data.Query<CoordinatorTask>().Where(t => t.Id == taskId), cancellationToken)
            ?? throw new CareValidationException("taskId", "Unknown task.");
        if (task.Status is CoordinatorTaskStatus.Completed or CoordinatorTaskStatus.Cancelled)
            throw new CareValidationException("status", $"The task is already {task.Status.ToString().ToLowerInvariant()}.");
        await ValidateResultAsync(task, result, cancellationToken);
        var input = new JsonObject { ["completedBy"] = by, ["result"] = result?.DeepClone() };
        var waiting = await signals.RaiseAsync(CareBookmarks.TaskCompleted, task.Id.ToString(), input, cancellationToken);
        await data.SaveChangesAsync(cancellationToken);
        var resumed = waiting == 0 ? 0 : await signals.DeliverAsync(cancellationToken);
        var saved = await data.FirstOrDefaultAsync(data.Query<CoordinatorTask>().Where(t => t.Id == taskId), cancellationToken) ?? task;
        if (resumed == 0 && saved.Status is CoordinatorTaskStatus.Open or CoordinatorTaskStatus.Overdue)
        {
            // Nothing waits any more (the overdue path was taken): record the completion anyway.
            saved.Status = CoordinatorTaskStatus.Completed;
            saved.CompletedAt = time.GetUtcNow();
            saved.CompletedBy = by;
            saved.ResultJson = result?.ToJsonString();
            await reminders.ForTaskAsync(saved, cancellationToken);
            await data.SaveChangesAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>
    /// Raises the completion of the open tasks of one kind on a case (e.g. the screening task once a screening is
    /// submitted), in the caller's unit of work: the caller saves, then delivers.
    /// </summary>
    internal static async Task RaiseForOpenOfKindAsync(ICareData data, ICareSignals signals, Guid caseId, CoordinatorTaskKind kind, string by, CancellationToken cancellationToken, Guid? exceptTaskId = null)
    {
        var open = await data.ToListAsync(data.Query<CoordinatorTask>().Where(t => t.CaseId == caseId && t.Kind == kind && t.Id != exceptTaskId
            && (t.Status == CoordinatorTaskStatus.Open || t.Status == CoordinatorTaskStatus.Overdue)).Select(t => t.Id), cancellationToken);
        foreach (var id in open)
            await signals.RaiseAsync(CareBookmarks.TaskCompleted, id.ToString(), new JsonObject { ["completedBy"] = by }, cancellationToken);
    }

    private async Task ValidateResultAsync(CoordinatorTask task, JsonNode? result, CancellationToken cancellationToken)
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
