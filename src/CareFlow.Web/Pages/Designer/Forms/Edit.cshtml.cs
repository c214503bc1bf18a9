using CareFlow.Core.Forms;
using CareFlow.Web.Designer.Forms;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Designer.Forms;

/// <summary>
/// <c>/designer/forms/{formId}</c> (and <c>/designer/forms/new</c>): the form-js editor. The page only hosts it;
/// wwwroot/js/form-designer.js opens, saves and publishes through <c>/api/forms</c>, which validates every save.
/// </summary>
[Authorize(Policy = CareFlowPolicies.DesignerPages)]
public sealed class EditModel(FormEditorBundle bundle) : PageModel
{
    /// <summary>The route value that opens an empty editor for a new form.</summary>
    public const string NewFormRoute = "new";

    public string FormId { get; private set; } = "";

    public bool IsNew { get; private set; }

    public IActionResult OnGet(string formId)
    {
        if (!bundle.IsInstalled)
        {
            return new ObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Form designer unavailable",
                Detail = "The form-js editor is not installed. Build CareFlow.Web (it runs npm ci in form-editor-bundle/).",
            }) { StatusCode = StatusCodes.Status503ServiceUnavailable, ContentTypes = { "application/problem+json" } };
        }
        IsNew = formId == NewFormRoute;
        if (!IsNew && !FormSchemaReader.IsValidFormId(formId))
            return NotFound();
        FormId = IsNew ? "" : formId;
        Response.Headers.ContentSecurityPolicy = FormEditorBundle.ContentSecurityPolicy;
        return Page();
    }
}
