using System.ComponentModel.DataAnnotations;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Screening;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Cases;

/// <summary>
/// Referral creation: the coordinator picks a directory service (cost, eligibility, freshness and consent on file
/// visible); the referral workflow's consent check and CreateReferral do the rest, as they do for the API.
/// </summary>
[ClientData]
public sealed class NewReferralModel(ICareData data, RequestReferralHandler requestReferral, TimeProvider time) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Choose a service.")]
    [StringLength(200)]
    [Display(Name = "Service")]
    public string? ServiceId { get; set; }

    [BindProperty]
    [Display(Name = "Need addressed")]
    public Guid? NeedId { get; set; }

    public CaseHeaderView Header { get; private set; } = null!;

    public IReadOnlyList<Option> Services { get; private set; } = [];

    public IReadOnlyList<Need> Needs { get; private set; } = [];

    public string? BlockedReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken) =>
        await LoadAsync(caseId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(caseId, cancellationToken)) return NotFound();
        if (ModelState.IsValid && Services.All(s => s.Service.Id != ServiceId)) ModelState.AddModelError(nameof(ServiceId), "Choose an active service from the directory.");
        if (NeedId is { } need && Needs.All(n => n.Id != need)) ModelState.AddModelError(nameof(NeedId), "Choose one of this case's needs.");
        if (!ModelState.IsValid) return Page();
        try
        {
            var outcome = await requestReferral.HandleAsync(caseId, ServiceId!, NeedId, User.Identity?.Name ?? "unknown", cancellationToken);
            if (outcome.Referral is not null) return RedirectToPage("/Cases/Detail", new { caseId });
            BlockedReason = outcome.BlockedReason;
        }
        catch (CareValidationException ex)
        {
            ModelState.AddModelError(nameof(ServiceId), ex.Message);
        }

        await LoadAsync(caseId, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (await CaseAccess.LoadAsync(data, User, caseId, cancellationToken) is not { } access) return false;
        Header = new CaseHeaderView(access.Case, access.Client, "new referral");
        Needs = await data.ToListAsync(data.Query<Need>().Where(n => n.CaseId == caseId && n.Status == NeedStatus.Open).OrderBy(n => n.IdentifiedAt), cancellationToken);
        var services = await data.ToListAsync(data.Query<Service>().Where(s => s.Status == "active").OrderBy(s => s.Category).ThenBy(s => s.Name), cancellationToken);
        var ids = services.Select(s => s.Id).ToList();
        var costs = await data.ToListAsync(data.Query<CostOption>().Where(c => ids.Contains(c.ServiceId)), cancellationToken);
        var orgs = (await data.ToListAsync(data.Query<Organization>(), cancellationToken)).ToDictionary(o => o.Id, o => o.Name);
        var clientId = access.Client.Id;
        var consents = await data.ToListAsync(data.Query<Consent>().Where(c => c.ClientId == clientId), cancellationToken);
        var now = time.GetUtcNow();
        Services = [.. services.Select(s => new Option(s, orgs.GetValueOrDefault(s.OrganizationId, s.OrganizationId), [.. costs.Where(c => c.ServiceId == s.Id)],
            ConsentRules.Check(consents, s.OrganizationId, s.ReferralEmail, now)))];
        return true;
    }

    public sealed record Option(Service Service, string OrganizationName, IReadOnlyList<CostOption> Costs, ConsentCheck Consent);
}
