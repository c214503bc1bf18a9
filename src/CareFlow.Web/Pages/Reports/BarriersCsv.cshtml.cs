using System.Text;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Barriers.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace CareFlow.Web.Pages.Reports;

/// <summary>The report as CSV with the same filters and the same suppression as the page.</summary>
public sealed class BarriersCsvModel(ICareData data) : BarrierReportPageModel(data)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return BadRequest(new ValidationProblemDetails(ModelState));
        return File(Encoding.UTF8.GetBytes(BarrierReportCsv.Write(Tables)), "text/csv; charset=utf-8", "barriers.csv");
    }
}
