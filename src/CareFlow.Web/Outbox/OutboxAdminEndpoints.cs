using CareFlow.Infrastructure.Outbox;
using CareFlow.Web.Security;
using Hangfire;
using Hangfire.Dashboard;

namespace CareFlow.Web.Outbox;

/// <summary>
/// Admin-only views of email delivery (the list and the Resume action are the Razor Page Pages/Admin/Outbox):
/// <c>/admin/outbox/{id}.eml</c> shows the exact MIME message (the .eml the embedded default writes), and the
/// Hangfire dashboard at <c>/hangfire</c>.
/// </summary>
public static class OutboxAdminEndpoints
{
    public static IEndpointRouteBuilder MapOutboxAdmin(this IEndpointRouteBuilder endpoints)
    {
        // Messages to providers carry client details (minimum necessary): audited and never cached like other client data.
        var group = endpoints.MapGroup("/admin/outbox").RequireAuthorization(AdminPolicy).WithMetadata(new ClientDataAttribute());
        group.MapGet("/{id:guid}.eml", RawAsync);
        endpoints.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AdminDashboardFilter()], AppPath = "/" })
            .RequireAuthorization(AdminPolicy);
        return endpoints;
    }

    private static void AdminPolicy(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(CareFlowAuthenticationSchemes.Cookie).RequireAuthenticatedUser().RequireRole(CareFlowRoles.Admin);

    private static async Task<IResult> RawAsync(Guid id, OutboxQueries queries, HttpContext context)
    {
        var raw = await queries.RawAsync(id, context.RequestAborted);
        if (raw is null) return TypedResults.NotFound();
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Bytes(raw, "text/plain; charset=utf-8");
    }

    /// <summary>Hangfire's own check (its default allows only local requests): signed in with role admin.</summary>
    private sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(CareFlowRoles.Admin);
    }
}
