using System.Security.Claims;
using CareFlow.Core.Audit;
using CareFlow.Web.Audit;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Web.Pages.Account;

/// <summary>
/// <c>/account/sign-in</c>: user name and password against ASP.NET Core Identity, with lockout after repeated
/// failures and one generic error whatever went wrong. Every failure does the same password-hash work (an unknown
/// user is checked against a dummy hash, a locked account against its own), so the answer time tells nothing either.
/// When no account exists yet it says how to create the first administrator. Every attempt is audited.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(
    UserManager<IdentityUser> users,
    SignInManager<IdentityUser> signIn,
    AuditLog audit) : PageModel
{
    /// <summary>The one message for a wrong user name, a wrong password and a locked account (no account enumeration).</summary>
    public const string FailureMessage =
        "Sign-in failed: the user name or password is wrong, or the account is locked for a while after too many failed attempts.";

    /// <summary>A hash to verify against for unknown user names, so they cost as long as known ones.</summary>
    private static readonly string DummyHash = PasswordHashing.Hash(Guid.NewGuid().ToString());

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>True when the database has no user at all: the page then explains <c>create-admin</c>.</summary>
    public bool NoUsers { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync()
    {
        ReturnUrl = SignInEndpoints.SafeReturnUrl(ReturnUrl);
        NoUsers = !await users.Users.AnyAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ReturnUrl = SignInEndpoints.SafeReturnUrl(ReturnUrl);
        var userName = (UserName ?? "").Trim();
        var password = Password ?? "";
        var user = userName.Length == 0 ? null : await users.FindByNameAsync(userName);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new IdentityUser(), DummyHash, password);
            return await FailAsync(AuditActions.SignInFailed, target: null);
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity answers a locked account without hashing; hash anyway, so every failure costs the same.
            users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? DummyHash, password);
            return await FailAsync(AuditActions.LockedOut, user.UserName);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return await FailAsync(AuditActions.LockedOut, user.UserName);
        if (!result.Succeeded)
            return await FailAsync(AuditActions.SignInFailed, user.UserName);

        await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = false },
            [new Claim(CareFlowClaimTypes.SessionId, Guid.NewGuid().ToString("N")), new Claim("amr", "pwd")]);
        var entry = audit.Describe(HttpContext, AuditActions.SignIn, StatusCodes.Status302Found, "user", user.UserName);
        entry.Actor = user.UserName ?? "";
        await audit.WriteAsync(HttpContext, entry);
        return LocalRedirect(ReturnUrl);
    }

    private async Task<IActionResult> FailAsync(string action, string? target)
    {
        await audit.WriteAsync(HttpContext, audit.Describe(HttpContext, action, StatusCodes.Status401Unauthorized, "user", target));
        Error = FailureMessage;
        Password = null;
        NoUsers = !await users.Users.AnyAsync(HttpContext.RequestAborted);
        return new PageResult { StatusCode = StatusCodes.Status401Unauthorized };
    }
}
