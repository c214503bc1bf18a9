using System.ComponentModel.DataAnnotations;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Supervision;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Cases;

/// <summary>
/// A supervisor (or admin) gives the case to another coordinator, with a reason; open tasks and reminders follow the
/// case (<see cref="ReassignCaseHandler"/>). Coordinators are refused before anything is read.
/// </summary>
[ClientData]
[Authorize(Roles = CareFlowRoles.Supervisor + "," + CareFlowRoles.Admin, AuthenticationSchemes = CareFlowAuthenticationSchemes.Cookie)]
public sealed class AssignModel(ICareData data, ICoordinatorRoster roster, ReassignCaseHandler reassign) : PageModel
{
    [BindProperty]
    public AssignInput Input { get; set; } = new();

    public CaseHeaderView Header { get; private set; } = null!;

    /// <summary>The coordinators the case can go to (everyone in the role but its current coordinator).</summary>
    public IReadOnlyList<string> Coordinators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken) =>
        await LoadAsync(caseId, cancellationToken) ? Page() : Refusal();

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(caseId, cancellationToken)) return Refusal();
        if (!ModelState.IsValid) return Page();
        try
        {
            await reassign.HandleAsync(caseId, Input.CoordinatorId, Input.Reason, CareProblems.By(HttpContext), cancellationToken);
        }
        catch (CareValidationException ex)
        {
            var field = ex.Field switch { "coordinatorId" => nameof(AssignInput.CoordinatorId), "reason" => nameof(AssignInput.Reason), _ => "" };
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", ex.Message);
            return Page();
        }

        return RedirectToPage("/Cases/Detail", new { caseId });
    }

    private IActionResult Refusal() => Caseload.Of(User).SeesAll ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (!Caseload.Of(User).SeesAll) return false;
        var access = await CaseAccess.LoadAsync(data, User, caseId, cancellationToken);
        if (access is null) return false;
        Header = new CaseHeaderView(access.Case, access.Client, "reassign");
        Coordinators = [.. (await roster.ListAsync(cancellationToken)).Where(c => c != access.Case.CoordinatorId)];
        return true;
    }

    public sealed class AssignInput
    {
        [Required(ErrorMessage = "Choose the coordinator who takes the case.")]
        [Display(Name = "New coordinator")]
        public string? CoordinatorId { get; set; }

        [Required(ErrorMessage = "Say why the case is reassigned.")]
        [StringLength(SupervisorReason.MaxLength, ErrorMessage = "Keep the reason under 500 characters.")]
        [Display(Name = "Reason (shown on the case timeline)")]
        public string? Reason { get; set; }
    }
}
