using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Pages.Cases;
using CareFlow.Web.Pages.Shared.Forms;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Tasks;

/// <summary>
/// One task (caseload-checked; supervisor-only tasks for supervisors only): what to do, for whom, by when, and its form
/// (or a plain Complete button). Submitting runs the same use case as the API: the answers are checked on the server,
/// errors come back next to their fields, else the task is completed and the coordinator returns to the case.
/// </summary>
[ClientData]
public sealed class DetailModel(ICareData data, CompleteTaskHandler completeTask, TimeProvider time) : PageModel
{
    public CoordinatorTask Task { get; private set; } = null!;

    public CaseHeaderView Header { get; private set; } = null!;

    /// <summary>The task's form with the values and errors to show; null when the task has no form.</summary>
    public FormFieldsView? Form { get; private set; }

    /// <summary>A completed task's answers, for reading.</summary>
    public IReadOnlyList<FormAnswerRows.Row> Answers { get; private set; } = [];

    /// <summary>Errors about the whole task (e.g. it was completed meanwhile).</summary>
    public IReadOnlyList<string> TaskErrors { get; private set; } = [];

    /// <summary>For a choose-service task without a form: the directory's active services.</summary>
    public IReadOnlyList<FormOption> Services { get; private set; } = [];

    /// <summary>The posted service of a choose-service task without a form.</summary>
    [BindProperty]
    public string? ServiceId { get; set; }

    public DateTimeOffset Now { get; private set; }

    public bool IsOpen => Task.Status is CoordinatorTaskStatus.Open or CoordinatorTaskStatus.Overdue;

    public async Task<IActionResult> OnGetAsync(Guid taskId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(taskId, cancellationToken)) return NotFound();
        Form = await FormViewAsync(null, null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid taskId, CancellationToken cancellationToken)
    {
        Audit.AuditTargets.Declare(HttpContext, "task", taskId);
        if (!await LoadAsync(taskId, cancellationToken)) return NotFound();
        var schema = await completeTask.FormOfAsync(Task, cancellationToken);
        var posted = FormFieldsView.PostedAnswers(Request.HasFormContentType ? Request.Form : []);
        JsonNode? result = schema is not null ? FormAnswerValidator.FromFormPost(schema, posted)
            : string.IsNullOrWhiteSpace(ServiceId) ? null : new JsonObject { ["serviceId"] = ServiceId.Trim() };
        try
        {
            await completeTask.HandleAsync(taskId, result, User.Identity?.Name ?? "unknown", cancellationToken);
            return Redirect($"/cases/{Task.CaseId}?completedTask={taskId}");
        }
        catch (CareValidationException ex)
        {
            var errors = ex.Errors.Count > 0 ? ex.Errors : new Dictionary<string, string[]> { [ex.Field] = [ex.Message] };
            var byKey = errors.Where(e => e.Key.StartsWith("answers.", StringComparison.Ordinal))
                .ToDictionary(e => e.Key["answers.".Length..], e => e.Value, StringComparer.Ordinal);
            TaskErrors = [.. errors.Where(e => !e.Key.StartsWith("answers.", StringComparison.Ordinal)).SelectMany(e => e.Value)];
            if (!await LoadAsync(taskId, cancellationToken)) return NotFound();
            Form = await FormViewAsync(posted, byKey, cancellationToken);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid taskId, CancellationToken cancellationToken)
    {
        if (!await Caseload.Of(User).CanSeeTaskAsync(data, taskId, cancellationToken)) return false;
        var task = await data.FirstOrDefaultAsync(data.Query<CoordinatorTask>().Where(t => t.Id == taskId), cancellationToken);
        var access = task is null ? null : await CaseAccess.LoadAsync(data, User, task.CaseId, cancellationToken);
        if (task is null || access is null) return false;
        Task = task;
        Header = new CaseHeaderView(access.Case, access.Client, task.Title);
        Now = time.GetUtcNow();
        if (!IsOpen && task.FormId is not null)
            Answers = FormAnswerRows.Of(await completeTask.FormOfAsync(task, cancellationToken), task.ResultJson, await completeTask.DynamicOptionsAsync(cancellationToken));
        if (IsOpen && task.FormId is null && task.Kind == CoordinatorTaskKind.ChooseService)
            Services = (await completeTask.DynamicOptionsAsync(cancellationToken))[CompleteTaskHandler.ServicesValuesKey];
        return true;
    }

    private async Task<FormFieldsView?> FormViewAsync(IReadOnlyDictionary<string, IReadOnlyList<string>>? posted, IReadOnlyDictionary<string, string[]>? errors, CancellationToken cancellationToken)
    {
        if (!IsOpen || await completeTask.FormOfAsync(Task, cancellationToken) is not { } schema) return null;
        return new FormFieldsView(schema, posted, errors, await completeTask.DynamicOptionsAsync(cancellationToken));
    }
}
