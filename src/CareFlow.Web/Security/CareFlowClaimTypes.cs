namespace CareFlow.Web.Security;

/// <summary>CareFlow's own claim types.</summary>
public static class CareFlowClaimTypes
{
    /// <summary>A random id per sign-in: tells one designer's browser session (and its overlapping auto-saves) from another's.</summary>
    public const string SessionId = "careflow:sid";
}
