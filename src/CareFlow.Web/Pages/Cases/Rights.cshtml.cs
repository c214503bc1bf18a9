using CareFlow.Core.Care;
using CareFlow.Core.Care.Rights;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Pages.Cases;

/// <summary>The client's rights-and-options summary for one case, printable; 404 outside the caller's caseload.</summary>
[ClientData]
public sealed class RightsModel(ICareData data, IOptionsSnapshot<RightsSummaryOptions> options, TimeProvider time) : PageModel
{
    public RightsSummaryOptions Texts => options.Value;

    public RightsSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (!await Caseload.Of(User).CanSeeCaseAsync(data, caseId, cancellationToken)) return NotFound();
        var summary = await RightsSummaryQuery.LoadAsync(data, options.Value, caseId, time.GetUtcNow(), cancellationToken);
        if (summary is null) return NotFound();
        Summary = summary;
        return Page();
    }
}
