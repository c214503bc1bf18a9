using CareFlow.Core.Audit;
using CareFlow.Web.Audit;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Account;

/// <summary><c>POST /account/sign-out</c> (anti-forgery checked, as on every Razor Pages form); GET answers 405.</summary>
[AllowAnonymous]
public sealed class SignOutModel(AuditLog audit) : PageModel
{
    public IActionResult OnGet() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            var entry = audit.Describe(HttpContext, AuditActions.SignOut, StatusCodes.Status302Found, "user", User.Identity.Name);
            await HttpContext.SignOutAsync(CareFlowAuthenticationSchemes.Cookie);
            await audit.WriteAsync(HttpContext, entry);
        }
        return LocalRedirect(SignInEndpoints.SignInPath);
    }
}
