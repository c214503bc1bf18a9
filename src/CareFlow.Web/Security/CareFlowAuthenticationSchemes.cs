using Microsoft.AspNetCore.Identity;

namespace CareFlow.Web.Security;

/// <summary>The authentication schemes CareFlow registers.</summary>
public static class CareFlowAuthenticationSchemes
{
    /// <summary>
    /// The same-origin session cookie set by <c>/account/sign-in</c>: ASP.NET Core Identity's application scheme, so
    /// <see cref="SignInManager{TUser}"/> and the security-stamp validator work on it unchanged.
    /// </summary>
    public const string Cookie = "Identity.Application";

    /// <summary><c>Authorization: ApiKey &lt;key&gt;</c> with keys from <c>CareFlow:ApiKeys</c>.</summary>
    public const string ApiKey = "ApiKey";
}
