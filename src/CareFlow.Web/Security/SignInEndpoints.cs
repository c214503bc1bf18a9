namespace CareFlow.Web.Security;

/// <summary>
/// The account paths (the pages are Razor Pages under Pages/Account) and the return-URL rule they share.
/// </summary>
public static class SignInEndpoints
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";

    /// <summary>Only local paths are followed after sign-in, so the form cannot be used as an open redirect.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/'
            && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";
}
