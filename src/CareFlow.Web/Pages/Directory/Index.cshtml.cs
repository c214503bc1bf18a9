using System.ComponentModel.DataAnnotations;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Directory;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Directory;

/// <summary>Browse and search the HSDS directory: cost, eligibility, area and how fresh each record is. No client data.</summary>
public sealed class IndexModel(ICareData data, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [StringLength(200)]
    [Display(Name = "Search")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    [StringLength(100)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    [StringLength(100)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Include inactive services")]
    public bool IncludeInactive { get; set; }

    public IReadOnlyList<DirectoryEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public bool CanImport => User.IsInRole(CareFlowRoles.Supervisor) || User.IsInRole(CareFlowRoles.Admin);

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Categories = await data.ToListAsync(data.Query<Service>().Where(s => s.Category != null).Select(s => s.Category!).Distinct().OrderBy(c => c), cancellationToken);
        if (!ModelState.IsValid) return;
        Entries = await DirectoryCatalog.ListAsync(data, Category, IncludeInactive, Q, Area, cancellationToken);
    }
}
