namespace CareFlow.Web.Security;

/// <summary>Who may use CareFlow: bound from the <c>CareFlow</c> configuration section.</summary>
public sealed class CareFlowAccessOptions
{
    public const string SectionName = "CareFlow";

    /// <summary>Users allowed to sign in (<c>CareFlow:Users:n:UserName</c>, <c>:PasswordHash</c>, <c>:Roles</c>).</summary>
    public IList<CareFlowUserOptions> Users { get; init; } = [];

    /// <summary>API keys for <c>Authorization: ApiKey &lt;key&gt;</c> (<c>CareFlow__ApiKeys__0</c>); none means every key is refused.</summary>
    public IList<string> ApiKeys { get; init; } = [];

    /// <summary>Origins allowed to call <c>/elsa/api</c> cross-origin (a Studio hosted elsewhere); none by default.</summary>
    public IList<string> AllowedOrigins { get; init; } = [];
}
