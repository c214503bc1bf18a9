using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Security;

/// <summary>
/// The minimal sign-in until [6/6] brings ASP.NET Core Identity: <c>GET/POST /account/sign-in</c> and
/// <c>POST /account/sign-out</c>, both forms protected by anti-forgery tokens.
/// </summary>
public static class SignInEndpoints
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";

    public static IEndpointRouteBuilder MapCareFlowSignIn(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/account").AllowAnonymous().DisableAntiforgery();
        group.MapGet("/sign-in", (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            SignInPage.Render(context, antiforgery, SafeReturnUrl(returnUrl), error: null, userName: ""));
        group.MapPost("/sign-in", SignInAsync);
        group.MapPost("/sign-out", SignOutAsync);
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, IAntiforgery antiforgery, IOptionsMonitor<CareFlowAccessOptions> access, TimeProvider clock)
    {
        if (!context.Request.HasFormContentType)
            return TypedResults.Problem("Expected a form post.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        if (!await antiforgery.IsRequestValidAsync(context))
            return TypedResults.Problem("The form has expired; reload the page and sign in again.", statusCode: StatusCodes.Status400BadRequest);

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var userName = form["userName"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = SafeReturnUrl(form["returnUrl"]);

        var user = access.CurrentValue.Users.FirstOrDefault(u =>
            !string.IsNullOrEmpty(u.UserName) && string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
        if (!PasswordHashing.Verify(user, password) || user is null)
        {
            return SignInPage.Render(context, antiforgery, returnUrl, "Unknown user name or wrong password.", userName,
                StatusCodes.Status401Unauthorized);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.NameIdentifier, user.UserName),
            new(CareFlowClaimTypes.SessionId, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, role.Trim().ToLowerInvariant())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CareFlowAuthenticationSchemes.Cookie));
        await context.SignInAsync(CareFlowAuthenticationSchemes.Cookie, principal,
            new AuthenticationProperties { IssuedUtc = clock.GetUtcNow() });
        return TypedResults.LocalRedirect(returnUrl);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
            return TypedResults.Problem("Invalid sign-out request.", statusCode: StatusCodes.Status400BadRequest);
        await context.SignOutAsync(CareFlowAuthenticationSchemes.Cookie);
        return TypedResults.LocalRedirect(SignInPath);
    }

    /// <summary>Only local paths are followed after sign-in, so the form cannot be used as an open redirect.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/'
            && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            && !returnUrl.Contains('\r', StringComparison.Ordinal) && !returnUrl.Contains('\n', StringComparison.Ordinal)
            ? returnUrl
            : "/designer";
}
