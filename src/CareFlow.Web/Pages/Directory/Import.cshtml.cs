using System.ComponentModel.DataAnnotations;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Directory;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Directory;

/// <summary>
/// Upload an HSDS JSON file (supervisors and admins). Runs the same <see cref="HsdsImport"/> as the API: the whole
/// file is parsed before anything is stored, so a refused record imports nothing; the refusal names its JSON path.
/// </summary>
[RequestSizeLimit(MaxBytes + 64 * 1024)]
// The role check runs before model binding, so a coordinator's upload is refused (and the refusal audited by the
// authorization handler) before the server buffers it; MayImport stays as the handlers' own guard.
[Authorize(Roles = CareFlowRoles.Supervisor + "," + CareFlowRoles.Admin, AuthenticationSchemes = CareFlowAuthenticationSchemes.Cookie)]
public sealed class ImportModel(ICareData data, TimeProvider time) : PageModel
{
    public const int MaxBytes = 10 * 1024 * 1024;

    [BindProperty]
    [Required(ErrorMessage = "Choose an HSDS JSON file.")]
    [Display(Name = "HSDS JSON file")]
    public IFormFile? Upload { get; set; }

    public HsdsImportResult? Result { get; private set; }

    public IActionResult OnGet() => MayImport ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayImport) return StatusCode(StatusCodes.Status403Forbidden);
        if (Upload is { Length: > MaxBytes }) ModelState.AddModelError(nameof(Upload), $"The file is larger than {MaxBytes / 1024 / 1024} MB.");
        if (Upload is { Length: 0 }) ModelState.AddModelError(nameof(Upload), "The file is empty.");
        if (!ModelState.IsValid) return Page();
        try
        {
            await using var stream = Upload!.OpenReadStream();
            Result = await HsdsImport.RunAsync(data, time, stream, cancellationToken);
        }
        catch (CareValidationException ex)
        {
            ModelState.AddModelError(nameof(Upload), ex.Field is { Length: > 0 } path and not "file" ? $"{path}: {ex.Message}" : ex.Message);
        }

        return Page();
    }

    private bool MayImport => User.IsInRole(CareFlowRoles.Supervisor) || User.IsInRole(CareFlowRoles.Admin);
}
