using CareFlow.Core.Care;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Web.Security;
using CareFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Instances;

/// <summary>One instance: current step, journal and incidents, and Retry for a faulted one (the runtime's retry, as the Elsa API does).</summary>
[ClientData]
public sealed class DetailModel(ICareData data, WorkflowInstanceQueries queries, IWorkflowRuntime runtime) : PageModel
{
    public const int JournalShown = 500;

    public WorkflowInstanceRecord Record { get; private set; } = null!;

    public WorkflowState State { get; private set; } = null!;

    public IReadOnlyList<InstanceStep> Steps { get; private set; } = [];

    public IReadOnlyList<JournalRecord> Journal { get; private set; } = [];

    public int JournalTotal { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Retried { get; set; }

    public async Task<IActionResult> OnGetAsync(string instanceId, CancellationToken cancellationToken) =>
        await LoadAsync(instanceId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRetryAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(instanceId, cancellationToken)) return NotFound();
        if (State.SubStatus != WorkflowSubStatus.Faulted)
        {
            ModelState.AddModelError(string.Empty, "Only a faulted instance can be retried.");
            return Page();
        }

        await runtime.RetryAsync(instanceId, cancellationToken);
        return RedirectToPage(new { instanceId, Retried = true });
    }

    private async Task<bool> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(instanceId, cancellationToken) is not { } record) return false;
        if (!await InstanceAccess.CanSeeAsync(User, data, record, cancellationToken)) return false;
        Record = record;
        State = WorkflowStateSerializer.Deserialize(record.State);
        Steps = InstanceStep.Of(State);
        (Journal, JournalTotal) = await queries.JournalAsync(instanceId, 0, JournalShown, null, cancellationToken);
        return true;
    }
}
