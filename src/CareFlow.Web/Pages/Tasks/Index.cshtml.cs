using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Tasks;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Tasks;

/// <summary>
/// The task inbox: open and overdue tasks of the caller's caseload (supervisors: every case, filterable by
/// coordinator); completing one runs the same use case as the API, which resumes the workflow waiting on it.
/// </summary>
[ClientData]
public sealed class IndexModel(ICareData data, CompleteTaskHandler completeTask, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Coordinator { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Completed { get; set; }

    [BindProperty]
    public CompleteInput Input { get; set; } = new();

    public bool SeesAll { get; private set; }

    public IReadOnlyList<TaskRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Coordinators { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Services { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCompleteAsync(CancellationToken cancellationToken)
    {
        Audit.AuditTargets.Declare(HttpContext, "task", Input.TaskId);
        if (!await Caseload.Of(User).CanSeeTaskAsync(data, Input.TaskId, cancellationToken)) return NotFound();
        if (ModelState.IsValid)
        {
            // A task with a form is completed on its own page, where its answers are given.
            var task = await data.FirstOrDefaultAsync(data.Query<CoordinatorTask>().Where(t => t.Id == Input.TaskId), cancellationToken);
            if (task?.FormId is not null) return Redirect($"/tasks/{Input.TaskId}");
            var result = string.IsNullOrWhiteSpace(Input.ServiceId) ? null : new JsonObject { ["serviceId"] = Input.ServiceId.Trim() };
            try
            {
                await completeTask.HandleAsync(Input.TaskId, result, User.Identity?.Name ?? "unknown", cancellationToken);
                return RedirectToPage(new { Coordinator, Completed = true });
            }
            catch (CareValidationException ex)
            {
                ModelState.AddModelError(ex.Field.StartsWith("result", StringComparison.Ordinal) ? "Input.ServiceId" : "Input", ex.Message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var caseload = Caseload.Of(User);
        SeesAll = caseload.SeesAll;
        Now = time.GetUtcNow();
        var cases = caseload.Cases(data);
        if (SeesAll && !string.IsNullOrWhiteSpace(Coordinator)) cases = cases.Where(c => c.CoordinatorId == Coordinator);
        var tasks = await data.ToListAsync(TaskInbox.Query(data, cases.Select(c => c.Id), SeesAll).Take(500), cancellationToken);
        var caseIds = tasks.Select(t => t.CaseId).Distinct().ToList();
        var caseRows = await data.ToListAsync(data.Query<Case>().Where(c => caseIds.Contains(c.Id)), cancellationToken);
        var clientIds = caseRows.Select(c => c.ClientId).ToList();
        var clients = await data.ToListAsync(data.Query<Client>().Where(c => clientIds.Contains(c.Id)), cancellationToken);
        Rows = [.. tasks.Select(t =>
        {
            var @case = caseRows.First(c => c.Id == t.CaseId);
            var client = clients.FirstOrDefault(c => c.Id == @case.ClientId);
            return new TaskRow(t, client is null ? "" : $"{client.GivenName} {client.FamilyName}", @case.CoordinatorId, TaskInbox.IsOverdue(t, Now));
        })];
        if (SeesAll) Coordinators = await data.ToListAsync(data.Query<Case>().Select(c => c.CoordinatorId).Distinct().OrderBy(c => c), cancellationToken);
        if (tasks.Any(t => t.Kind == CoordinatorTaskKind.ChooseService && t.FormId is null))
        {
            var services = await data.ToListAsync(data.Query<Service>().Where(s => s.Status == "active").OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.Category }), cancellationToken);
            Services = [.. services.Select(s => (s.Id, s.Category is null ? s.Name : $"{s.Name} ({s.Category})"))];
        }
    }

    /// <summary>The completion form of one row.</summary>
    public sealed class CompleteInput
    {
        [Required]
        public Guid TaskId { get; set; }

        [Display(Name = "Service")]
        [StringLength(200)]
        public string? ServiceId { get; set; }
    }

    /// <summary>One inbox row.</summary>
    public sealed record TaskRow(CoordinatorTask Task, string ClientName, string CoordinatorId, bool Overdue);
}
