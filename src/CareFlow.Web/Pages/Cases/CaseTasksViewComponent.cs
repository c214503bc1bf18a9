using CareFlow.Core.Care;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Pages.Shared.Forms;
using Microsoft.AspNetCore.Mvc;

namespace CareFlow.Web.Pages.Cases;

/// <summary>
/// The case page's tasks: the open ones (through the caller's caseload, supervisor-only tasks for supervisors) with a
/// link to each task page, and the answers given in the case's task forms, newest first. After a task page's submit,
/// the case page is opened with <c>completedTask</c> and this says the task was completed.
/// </summary>
public sealed class CaseTasksViewComponent(ICareData data, CompleteTaskHandler completeTask, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var caseload = Caseload.Of(UserClaimsPrincipal);
        var open = await data.ToListAsync(TaskInbox.Query(data, caseload.CaseIds(data), caseload.SeesAll, caseId: caseId), cancellationToken);
        var answered = await data.ToListAsync(SupervisorTasks.VisibleTo(data.Query<CoordinatorTask>(), caseload.SeesAll)
            .Where(t => t.CaseId == caseId && t.Status == CoordinatorTaskStatus.Completed && t.FormId != null && caseload.CaseIds(data).Contains(t.CaseId))
            .OrderByDescending(t => t.CompletedAt).Take(50), cancellationToken);
        var options = answered.Count == 0 ? null : await completeTask.DynamicOptionsAsync(cancellationToken);
        var answers = new List<CaseTasksView.Answered>();
        // Tasks of the same form version share its schema: read each version once.
        var schemas = new Dictionary<(string?, int?), FormSchema?>();
        foreach (var task in answered)
        {
            if (!schemas.TryGetValue((task.FormId, task.FormVersion), out var schema))
                schemas[(task.FormId, task.FormVersion)] = schema = await completeTask.FormOfAsync(task, cancellationToken);
            answers.Add(new CaseTasksView.Answered(task, FormAnswerRows.Of(schema, task.ResultJson, options)));
        }

        CoordinatorTask? completed = null;
        if (Guid.TryParse(Request.Query["completedTask"], out var completedId))
            completed = answered.FirstOrDefault(t => t.Id == completedId) ?? await data.FirstOrDefaultAsync(SupervisorTasks.VisibleTo(data.Query<CoordinatorTask>(), caseload.SeesAll)
                .Where(t => t.Id == completedId && t.CaseId == caseId && t.Status == CoordinatorTaskStatus.Completed), cancellationToken);
        return View("~/Pages/Cases/_CaseTasks.cshtml", new CaseTasksView(open, answers, completed, time.GetUtcNow()));
    }
}

/// <summary>What <c>_CaseTasks.cshtml</c> shows.</summary>
public sealed record CaseTasksView(IReadOnlyList<CoordinatorTask> Open, IReadOnlyList<CaseTasksView.Answered> Answers, CoordinatorTask? JustCompleted, DateTimeOffset Now)
{
    /// <summary>A completed task with its answers.</summary>
    public sealed record Answered(CoordinatorTask Task, IReadOnlyList<FormAnswerRows.Row> Rows);
}
