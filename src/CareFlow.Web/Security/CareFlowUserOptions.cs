namespace CareFlow.Web.Security;

/// <summary>One configured user, <c>CareFlow:Users:&lt;n&gt;</c>. There is no default user.</summary>
public sealed class CareFlowUserOptions
{
    public string UserName { get; set; } = "";

    /// <summary>An ASP.NET Core Identity password hash (PBKDF2); create one with <c>CareFlow.Web hash-password</c>.</summary>
    public string PasswordHash { get; set; } = "";

    public IList<string> Roles { get; init; } = [];
}
