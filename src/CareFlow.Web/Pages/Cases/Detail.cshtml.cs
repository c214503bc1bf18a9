using CareFlow.Core.Care;
using CareFlow.Core.Care.Screening;
using CareFlow.Core.Care.Tasks;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Cases;

/// <summary>The case page: who, where the case stands (stage, status, blocked reason), needs, open tasks and one timeline.</summary>
[ClientData]
public sealed class DetailModel(ICareData data, TimeProvider time) : PageModel
{
    public CaseHeaderView Header { get; private set; } = null!;

    public IReadOnlyList<Need> Needs { get; private set; } = [];

    public IReadOnlyList<CoordinatorTask> OpenTasks { get; private set; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (await CaseAccess.LoadAsync(data, User, caseId, cancellationToken) is not { } access) return NotFound();
        Now = time.GetUtcNow();
        Header = new CaseHeaderView(access.Case, access.Client, null);
        Needs = await data.ToListAsync(data.Query<Need>().Where(n => n.CaseId == caseId).OrderBy(n => n.IdentifiedAt), cancellationToken);
        OpenTasks = await data.ToListAsync(SupervisorTasks.VisibleTo(data.Query<CoordinatorTask>(), Caseload.Of(User).SeesAll).Where(t => t.CaseId == caseId
            && (t.Status == CoordinatorTaskStatus.Open || t.Status == CoordinatorTaskStatus.Overdue)).OrderBy(t => t.DueAt), cancellationToken);
        Timeline = await CaseTimeline.LoadAsync(data, caseId, cancellationToken);
        return Page();
    }
}
