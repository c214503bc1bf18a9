using System.Text.Json.Nodes;
using CareFlow.Core.Forms;
using CareFlow.Core.Reminders;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Core.Care.Tasks;

/// <summary>
/// Creates a coordinator task from an activity and waits for it (and optionally for its due time); every change of
/// the task's status also brings its due reminder in line (<see cref="CoordinatorReminders"/>).
/// </summary>
public static class CoordinatorTasks
{
    /// <summary>
    /// Creates the task and its bookmark(s). <paramref name="formId"/> names the form the coordinator completes the task
    /// with (null or empty: none); the form's published version is pinned on the task now, and a form without one
    /// faults the activity.
    /// </summary>
    public static async Task<CoordinatorTask> CreateAndWaitAsync(ActivityContext context, ICareData data, CoordinatorReminders reminders, Guid caseId, CoordinatorTaskKind kind, string title, string? description, TimeSpan dueIn, bool overdueTimer, string? formId = null)
    {
        var task = new CoordinatorTask
        {
            Id = Guid.CreateVersion7(context.Now), CaseId = caseId, Kind = kind, Title = title, Description = description,
            CreatedAt = context.Now, DueAt = context.Now + dueIn, Status = CoordinatorTaskStatus.Open, WorkflowInstanceId = context.Workflow.Id,
        };
        if (!string.IsNullOrWhiteSpace(formId))
        {
            task.FormId = formId.Trim();
            task.FormVersion = await PublishedVersionAsync(data, task.FormId, context.CancellationToken)
                ?? throw new InvalidOperationException($"The form '{task.FormId}' of '{context.Node.Id}' has no published version: publish it in the form designer, then retry.");
        }

        var payload = new JsonObject { ["taskId"] = task.Id.ToString() };
        task.BookmarkId = context.CreateBookmark(CareBookmarks.TaskCompleted, task.Id.ToString(), payload).Id;
        if (overdueTimer) context.CreateBookmark(CareBookmarks.TaskOverdue, task.Id.ToString(), (JsonObject)payload.DeepClone(), task.DueAt);
        data.Add(task);
        await reminders.ForTaskAsync(task, context.CancellationToken);
        context.Log("TaskCreated", $"Coordinator task '{title}' due {task.DueAt:O}.", (JsonObject)payload.DeepClone());
        return task;
    }

    private static async Task<int?> PublishedVersionAsync(ICareData data, string formId, CancellationToken cancellationToken)
    {
        var published = await data.FirstOrDefaultAsync(data.Query<FormVersion>().Where(v => v.FormId == formId && v.IsPublished), cancellationToken);
        return published?.Version;
    }

    /// <summary>Applies a resumed task bookmark: completed (with the coordinator's result) or overdue.</summary>
    public static async Task<(CoordinatorTask Task, bool Completed, JsonNode? Result)> OnResumeAsync(ActivityContext context, ICareData data, CoordinatorReminders reminders, Bookmark bookmark, JsonObject? input)
    {
        var id = Guid.Parse(bookmark.Payload?["taskId"]?.GetValue<string>() ?? throw new InvalidOperationException("Task bookmark without a task id."));
        var task = await data.FirstOrDefaultAsync(data.Query<CoordinatorTask>().Where(t => t.Id == id), context.CancellationToken)
            ?? throw CareEntityNotFoundException.For("Coordinator task", id);
        if (bookmark.Name == CareBookmarks.TaskOverdue)
        {
            if (task.Status == CoordinatorTaskStatus.Open)
            {
                task.Status = CoordinatorTaskStatus.Overdue;
                await reminders.ForTaskAsync(task, context.CancellationToken);
            }

            return (task, false, null);
        }

        var result = input?["result"]?.DeepClone();
        task.Status = CoordinatorTaskStatus.Completed;
        task.CompletedAt = context.Now;
        task.CompletedBy = input?["completedBy"]?.GetValue<string>();
        // A task with a form keeps the answers its completion recorded; the result may be what they recorded.
        if (task.FormId is null) task.ResultJson = result?.ToJsonString();
        await reminders.ForTaskAsync(task, context.CancellationToken);
        return (task, true, result);
    }
}
