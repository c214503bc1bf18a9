using System.ComponentModel.DataAnnotations;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Barriers.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Reports;

/// <summary>
/// The filters and loading shared by the report page and its CSV. The report is de-identified (counts only, small
/// counts suppressed), so every signed-in role sees the whole organisation's counts, not only its caseload, and the
/// page carries no <c>[ClientData]</c>.
/// </summary>
public abstract class BarrierReportPageModel(ICareData data) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "From")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "To")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Barrier type")]
    public BarrierCategory? Category { get; set; }

    public IReadOnlyList<BarrierTable> Tables { get; private set; } = [];

    /// <summary>Validates the filters (errors land in ModelState by field) and, when they hold, builds the tables.</summary>
    protected async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (From is { } from && To is { } to && from > to) ModelState.AddModelError(nameof(To), "'To' must be on or after 'From'.");
        if (!ModelState.IsValid) return false;
        Tables = BarrierReport.Build([.. await BarrierReport.LoadAsync(data, new BarrierReportFilter(From, To, Category), cancellationToken)]);
        return true;
    }
}
