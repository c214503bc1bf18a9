using Microsoft.AspNetCore.Authentication.Cookies;

namespace CareFlow.Web.Security;

/// <summary>The authentication schemes CareFlow registers.</summary>
public static class CareFlowAuthenticationSchemes
{
    /// <summary>The same-origin session cookie set by <c>/account/sign-in</c>.</summary>
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary><c>Authorization: ApiKey &lt;key&gt;</c> with keys from <c>CareFlow:ApiKeys</c>.</summary>
    public const string ApiKey = "ApiKey";
}
