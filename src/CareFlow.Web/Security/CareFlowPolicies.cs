using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace CareFlow.Web.Security;

/// <summary>
/// Every authorization policy in one place. Routes say <c>.RequireAuthorization(CareFlowPolicies.ElsaApi)</c>.
/// </summary>
public static class CareFlowPolicies
{
    /// <summary>
    /// The Elsa API under <c>/elsa/api</c>: an API-key caller, or any signed-in user. Reads are open to every
    /// signed-in user (the designer's read-only view); writes additionally need <see cref="Designer"/>.
    /// </summary>
    public const string ElsaApi = "CareFlow.ElsaApi";

    /// <summary>Changing workflow definitions: an API-key caller or a signed-in user in role <c>designer</c>.</summary>
    public const string Designer = "CareFlow.Designer";

    /// <summary>
    /// Starting workflows through <c>/elsa/api</c> (execute, dispatch: the designer's Run button and automation): an
    /// API-key caller or a signed-in designer. Coordinators start stage workflows only through the care API. What a
    /// permitted run may touch is decided per request from the ids it carries (<c>WorkflowRunScope</c>).
    /// </summary>
    public const string RunWorkflows = "CareFlow.RunWorkflows";

    /// <summary>
    /// A signed-in user (cookie) in role <c>designer</c>: the form designer's pages. Cookie only, so a signed-out visitor
    /// is sent to sign in and anyone else gets 403.
    /// </summary>
    public const string DesignerPages = "CareFlow.DesignerPages";

    /// <summary>A signed-in user (cookie); the designer pages use it.</summary>
    public const string SignedIn = "CareFlow.SignedIn";

    /// <summary>
    /// Workflow instances under <c>/elsa/api</c> (read, journal, variables, cancel, retry, delete, event triggers) and
    /// the designer's instance view: they carry client data across every caseload, so an API-key caller or a signed-in
    /// designer, supervisor or admin; a coordinator gets 403 (their cases' progress is on the case pages).
    /// </summary>
    public const string WorkflowInstances = "CareFlow.WorkflowInstances";

    /// <summary>A signed-in user in role <c>admin</c> (user management, audit log).</summary>
    public const string Admin = "CareFlow.Admin";

    /// <summary>The CORS policy for <c>/elsa/api</c> (origins from <c>CareFlow:AllowedOrigins</c>, none by default).</summary>
    public const string ElsaApiCors = "CareFlow.ElsaApiCors";

    /// <summary>Registers the policies.</summary>
    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(ElsaApi, policy => policy
            .AddAuthenticationSchemes(CareFlowAuthenticationSchemes.Cookie, CareFlowAuthenticationSchemes.ApiKey)
            .RequireAuthenticatedUser());
        options.AddPolicy(Designer, policy => policy
            .AddAuthenticationSchemes(CareFlowAuthenticationSchemes.Cookie, CareFlowAuthenticationSchemes.ApiKey)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => CanDesign(context.User)));
        options.AddPolicy(RunWorkflows, policy => policy
            .AddAuthenticationSchemes(CareFlowAuthenticationSchemes.Cookie, CareFlowAuthenticationSchemes.ApiKey)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => CanDesign(context.User)));
        options.AddPolicy(WorkflowInstances, policy => policy
            .AddAuthenticationSchemes(CareFlowAuthenticationSchemes.Cookie, CareFlowAuthenticationSchemes.ApiKey)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => CanSeeAllInstances(context.User)));
        options.AddPolicy(Admin, policy => policy
            .AddAuthenticationSchemes(CareFlowAuthenticationSchemes.Cookie)
            .RequireAuthenticatedUser()
            .RequireRole(CareFlowRoles.Admin));
        options.AddPolicy(DesignerPages, policy => policy
            .AddAuthenticationSchemes(CareFlowAuthenticationSchemes.Cookie)
            .RequireAuthenticatedUser()
            .RequireRole(CareFlowRoles.Designer));
        options.AddPolicy(SignedIn, policy => policy
            .AddAuthenticationSchemes(CareFlowAuthenticationSchemes.Cookie)
            .RequireAuthenticatedUser());
    }

    /// <summary>True for API-key callers and users in role designer, supervisor or admin.</summary>
    public static bool CanSeeAllInstances(ClaimsPrincipal user) =>
        user.Identities.Any(identity => identity.IsAuthenticated
            && (identity.AuthenticationType == CareFlowAuthenticationSchemes.ApiKey
                || identity.HasClaim(identity.RoleClaimType, CareFlowRoles.Designer)
                || identity.HasClaim(identity.RoleClaimType, CareFlowRoles.Supervisor)
                || identity.HasClaim(identity.RoleClaimType, CareFlowRoles.Admin)));

    /// <summary>True for callers allowed to change, publish, revert and delete definitions.</summary>
    public static bool CanDesign(ClaimsPrincipal user) =>
        user.Identities.Any(identity => identity.IsAuthenticated
            && (identity.AuthenticationType == CareFlowAuthenticationSchemes.ApiKey
                || identity.HasClaim(identity.RoleClaimType, CareFlowRoles.Designer)));
}
