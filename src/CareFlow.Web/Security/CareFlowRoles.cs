namespace CareFlow.Web.Security;

/// <summary>The role names a configured user can hold (<c>CareFlow:Users:n:Roles</c>).</summary>
public static class CareFlowRoles
{
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string Coordinator = "coordinator";
    public const string Designer = "designer";

    /// <summary>Every role name CareFlow knows; configuration naming any other role is refused at start-up.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Supervisor, Coordinator, Designer];
}
