using CareFlow.Core.Care;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Instances;

/// <summary>Workflow instances with their current step, status and case; coordinators see their own cases' only.</summary>
[ClientData]
public sealed class IndexModel(ICareData data, WorkflowInstanceQueries queries) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<(WorkflowInstanceRecord Record, IReadOnlyList<InstanceStep> Steps)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var correlationIds = await InstanceAccess.CorrelationIdsAsync(User, data, cancellationToken);
        var records = await queries.ListForCorrelationsAsync(correlationIds, Shown, cancellationToken);
        Rows = [.. records.Select(r => (r, InstanceStep.Of(WorkflowStateSerializer.Deserialize(r.State))))];
    }
}
