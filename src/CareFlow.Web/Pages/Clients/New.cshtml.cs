using System.ComponentModel.DataAnnotations;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Supervision;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Clients;

/// <summary>
/// Intake: validated on the server, warned about a possible duplicate before anything is saved (the coordinator
/// continues or opens the existing client), then the intake workflow routes the client and the case page opens.
/// </summary>
[ClientData]
public sealed class NewModel(ICareData data, IntakeClientHandler intakeClient, ICoordinatorRoster roster, TimeProvider time) : PageModel
{
    [BindProperty]
    public IntakeInput Input { get; set; } = new();

    public ClientMatchKind? Match { get; private set; }

    /// <summary>The matching client's most recent case, when it is on the caller's caseload (else only the fact is shown).</summary>
    public Case? ExistingCase { get; private set; }

    public Client? Existing { get; private set; }

    /// <summary>The coordinators a supervisor (or admin) may give the case to; empty for a coordinator, whose intakes are their own.</summary>
    public IReadOnlyList<string> Coordinators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Caseload.Of(User).SeesAll) Coordinators = await roster.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var caseload = Caseload.Of(User);
        if (caseload.SeesAll) Coordinators = await roster.ListAsync(cancellationToken);
        var assignTo = string.IsNullOrWhiteSpace(Input.CoordinatorId) ? caseload.UserId : Input.CoordinatorId.Trim();
        if (assignTo != caseload.UserId)
        {
            // The form offers no choice to a coordinator: a posted one is refused, never silently replaced.
            if (!caseload.SeesAll) return StatusCode(StatusCodes.Status403Forbidden);
            if (!Coordinators.Contains(assignTo, StringComparer.Ordinal))
                ModelState.AddModelError($"{nameof(Input)}.{nameof(IntakeInput.CoordinatorId)}", "Choose an account in the coordinator role.");
        }
        foreach (var (field, message) in IntakeClientHandler.Validate(Input.GivenName, Input.FamilyName, Input.DateOfBirth, Input.Phone, Input.Email, now))
        {
            var key = $"{nameof(Input)}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            if (ModelState[key]?.Errors.Count is null or 0) ModelState.AddModelError(key, message);
        }

        if (!ModelState.IsValid) return Page();
        var intake = new IntakeRequest
        {
            Id = Guid.CreateVersion7(now), GivenName = Input.GivenName!.Trim(), FamilyName = Input.FamilyName!.Trim(), DateOfBirth = Input.DateOfBirth!.Value,
            Phone = Blank(Input.Phone), Email = Blank(Input.Email), PreferredLanguage = Blank(Input.PreferredLanguage), DoNotContact = Input.DoNotContact,
            CoordinatorId = assignTo, CoordinatorName = assignTo, ReceivedAt = now,
        };
        if (!Input.ContinueDespiteDuplicate)
        {
            var (kind, match) = await ClientLookup.MatchAsync(data, ClientLookup.Candidate(intake, now), cancellationToken);
            // Only a match this user may see is shown; one outside their caseload is neither confirmed nor denied here
            // (the intake registers the person anew and creates a duplicate review task).
            var existingCase = kind == ClientMatchKind.None || match is null ? null
                : await data.FirstOrDefaultAsync(caseload.Cases(data).Where(c => c.ClientId == match.Id).OrderByDescending(c => c.OpenedAt), cancellationToken);
            if (existingCase is not null)
            {
                Match = kind;
                ExistingCase = existingCase;
                Existing = match;
                return Page();
            }
        }

        var outcome = await intakeClient.HandleAsync(intake, cancellationToken);
        if (outcome.Failure is not null || outcome.Request?.CaseId is not { } caseId)
        {
            ModelState.AddModelError("", outcome.Failure ?? "Intake failed.");
            return Page();
        }

        Audit.AuditTargets.Declare(HttpContext, "case", caseId);
        return RedirectToPage("/Cases/Detail", new { caseId });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public sealed class IntakeInput
    {
        [Required(ErrorMessage = "Given name is required.")]
        [StringLength(100, ErrorMessage = "Given name is at most 100 characters.")]
        [Display(Name = "Given name")]
        public string? GivenName { get; set; }

        [Required(ErrorMessage = "Family name is required.")]
        [StringLength(100, ErrorMessage = "Family name is at most 100 characters.")]
        [Display(Name = "Family name")]
        public string? FamilyName { get; set; }

        [Required(ErrorMessage = "Date of birth is required (YYYY-MM-DD).")]
        [Display(Name = "Date of birth")]
        public DateOnly? DateOfBirth { get; set; }

        [StringLength(40, ErrorMessage = "A phone number is at most 40 characters.")]
        [Display(Name = "Phone")]
        public string? Phone { get; set; }

        [StringLength(254, ErrorMessage = "An email address is at most 254 characters.")]
        [Display(Name = "Email")]
        public string? Email { get; set; }

        [StringLength(40, ErrorMessage = "At most 40 characters.")]
        [Display(Name = "Preferred language")]
        public string? PreferredLanguage { get; set; }

        [Display(Name = "Do not contact the client directly")]
        public bool DoNotContact { get; set; }

        public bool ContinueDespiteDuplicate { get; set; }

        [StringLength(200, ErrorMessage = "Choose an account in the coordinator role.")]
        [Display(Name = "Coordinator")]
        public string? CoordinatorId { get; set; }
    }
}
