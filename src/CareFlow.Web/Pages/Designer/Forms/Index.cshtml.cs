using CareFlow.Core.Forms;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Designer.Forms;

/// <summary><c>/designer/forms</c>: every form with its latest and published version, and "New form"; designers only.</summary>
[Authorize(Policy = CareFlowPolicies.DesignerPages)]
public sealed class IndexModel(FormCatalog forms) : PageModel
{
    public IReadOnlyList<FormSummary> Forms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Forms = [.. (await forms.ListAsync(cancellationToken)).OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Id, StringComparer.Ordinal)];
}
