using CareFlow.Core.Care;

namespace CareFlow.Web.Pages.Reports;

/// <summary>The systemic-barrier report: charts and tables by type, service, area and month, with filters.</summary>
public sealed class BarriersModel(ICareData data) : BarrierReportPageModel(data)
{
    public string CsvQuery { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        CsvQuery = Request.QueryString.Value ?? "";
    }
}
