using System.Text.Json.Nodes;
using CareFlow.Core.Forms;
using CareFlow.Core.Reminders;

namespace CareFlow.Core.Care.Tasks;

/// <summary>
/// Use case: a coordinator completes a task; the workflow waiting on it continues (exactly once). A task with a form
/// is completed with answers to the form version it pinned: they are checked (the server is the only judge), kept as a
/// <see cref="FormSubmission"/>, recorded in the care record by <see cref="TaskFormEffects"/>, and what that returns is
/// the waiting activity's result. All of it, and the signal, commit in one unit of work before the signal is
/// delivered, so an acknowledged completion survives a crash; the waiting step records the completion when it resumes.
/// A task nothing waits on any more is completed here.
/// </summary>
public sealed class CompleteTaskHandler(ICareData data, ICareSignals signals, CoordinatorReminders reminders, FormCatalog forms, TaskFormEffects effects, TimeProvider time)
{
    /// <summary>The dynamic option list a form field names with <c>valuesKey: "services"</c>: the directory's active services.</summary>
    public const string ServicesValuesKey = "services";

    /// <param name="taskId">The task.</param>
    /// <param name="result">For a task with a form, the answers (an object keyed by field key); else the coordinator's result, e.g. the chosen service.</param>
    /// <param name="by">Who completes it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="CareValidationException">The task is done already, or the answers break the form's rules (each key named as <c>answers.&lt;key&gt;</c>).</exception>
    public async Task<CoordinatorTask> HandleAsync(Guid taskId, JsonNode? result, string by, CancellationToken cancellationToken = default)
    {
        var task = await data.FirstOrDefaultAsync(data.Query<CoordinatorTask>().Where(t => t.Id == taskId), cancellationToken)
            ?? throw new CareValidationException("taskId", "Unknown task.");
        if (task.Status is CoordinatorTaskStatus.Completed or CoordinatorTaskStatus.Cancelled)
            throw new CareValidationException("status", $"The task is already {task.Status.ToString().ToLowerInvariant()}.");

        JsonNode? workflowResult;
        if (task.FormId is not null)
        {
            var answers = await CheckAnswersAsync(task, result, cancellationToken);
            data.Add(new FormSubmission
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()), FormId = task.FormId, FormVersion = task.FormVersion ?? 0, AnswersJson = answers.ToJsonString(),
                CaseId = task.CaseId, TaskId = task.Id, SubmittedBy = by, SubmittedAt = time.GetUtcNow(),
            });
            task.ResultJson = answers.ToJsonString();
            workflowResult = await effects.ApplyAsync(task, answers, by, cancellationToken);
        }
        else
        {
            await ValidateResultAsync(task, result, cancellationToken);
            workflowResult = result?.DeepClone();
        }

        var input = new JsonObject { ["completedBy"] = by, ["result"] = workflowResult?.DeepClone() };
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
            if (saved.FormId is null) saved.ResultJson = result?.ToJsonString();
            await reminders.ForTaskAsync(saved, cancellationToken);
            await data.SaveChangesAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>The form of a task (at its pinned version), for the task page; null when the task has none.</summary>
    public async Task<FormSchema?> FormOfAsync(CoordinatorTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.FormId is null) return null;
        return await forms.GetSchemaAsync(task.FormId, task.FormVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Form '{task.FormId}' version {task.FormVersion} of task {task.Id} is missing.");
    }

    /// <summary>The option lists form fields may name with <c>valuesKey</c>.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<FormOption>>> DynamicOptionsAsync(CancellationToken cancellationToken = default)
    {
        var services = await data.ToListAsync(data.Query<Directory.Service>().Where(s => s.Status == "active").OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }), cancellationToken);
        return new Dictionary<string, IReadOnlyList<FormOption>>(StringComparer.Ordinal)
        {
            [ServicesValuesKey] = [.. services.Select(s => new FormOption(s.Name, s.Id))],
        };
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

    private async Task<JsonObject> CheckAnswersAsync(CoordinatorTask task, JsonNode? answers, CancellationToken cancellationToken)
    {
        if (answers is not null and not JsonObject)
            throw new CareValidationException("answers", "The answers must be an object keyed by the form's field keys.");
        var schema = await FormOfAsync(task, cancellationToken);
        var check = FormAnswerValidator.Validate(schema!, (JsonObject?)answers ?? [], await DynamicOptionsAsync(cancellationToken));
        if (!check.IsValid)
        {
            throw new CareValidationException(check.Problems.GroupBy(p => "answers." + p.Path, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal));
        }

        return check.Answers;
    }

    private async Task ValidateResultAsync(CoordinatorTask task, JsonNode? result, CancellationToken cancellationToken)
    {
        if (result is not null and not JsonObject) throw new CareValidationException("result", "The result must be an object.");
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
