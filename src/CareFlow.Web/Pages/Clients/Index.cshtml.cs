using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Clients;

/// <summary>
/// Client search within the caller's caseload: by name, date of birth (YYYY-MM-DD) or phone. The search is a POST, so
/// the terms (identifying on their own) never land in URLs, access logs or browser history.
/// </summary>
[ClientData]
public sealed class IndexModel(ICareData data) : PageModel
{
    [BindProperty(Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Row> Results { get; private set; } = [];

    public bool Searched { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        if (Query is { Length: > 200 }) ModelState.AddModelError(nameof(Query), "Search for at most 200 characters.");
        if (string.IsNullOrWhiteSpace(Query) || !ModelState.IsValid) return;
        Searched = true;
        var cases = Caseload.Of(User).Cases(data);
        var visible = cases.Select(c => c.ClientId);
        var clients = await data.ToListAsync(ClientLookup.Search(data.Query<Client>().Where(c => c.MergedIntoId == null && visible.Contains(c.Id)), Query)
            .OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).Take(50), cancellationToken);
        var ids = clients.Select(c => c.Id).ToList();
        var caseRows = await data.ToListAsync(cases.Where(c => ids.Contains(c.ClientId)).OrderByDescending(c => c.OpenedAt), cancellationToken);
        Results = [.. clients.Select(c => new Row(c, caseRows.Where(k => k.ClientId == c.Id).ToList()))];
    }

    public sealed record Row(Client Client, IReadOnlyList<Case> Cases);
}
