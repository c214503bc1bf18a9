using System.Globalization;
using System.Net;
using System.Text;
using CareFlow.Infrastructure.Outbox;
using CareFlow.Web.Security;
using Hangfire;
using Hangfire.Dashboard;

namespace CareFlow.Web.Outbox;

/// <summary>
/// Admin-only views of email delivery: <c>/admin/outbox</c> lists the newest emails with their state,
/// <c>/admin/outbox/{id}.eml</c> shows the exact MIME message (the .eml the embedded default writes), and the
/// Hangfire dashboard at <c>/hangfire</c>.
/// </summary>
public static class OutboxAdminEndpoints
{
    public static IEndpointRouteBuilder MapOutboxAdmin(this IEndpointRouteBuilder endpoints)
    {
        // Messages to providers carry client details (minimum necessary): audited and never cached like other client data.
        var group = endpoints.MapGroup("/admin/outbox").RequireAuthorization(AdminPolicy).WithMetadata(new ClientDataAttribute());
        group.MapGet("", ListAsync);
        group.MapGet("/{id:guid}.eml", RawAsync);
        endpoints.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AdminDashboardFilter()], AppPath = "/" })
            .RequireAuthorization(AdminPolicy);
        return endpoints;
    }

    private static void AdminPolicy(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(CareFlowAuthenticationSchemes.Cookie).RequireAuthenticatedUser().RequireRole(CareFlowRoles.Admin);

    private static async Task<IResult> ListAsync(OutboxQueries queries, HttpContext context, int? take)
    {
        var rows = await queries.LatestAsync(take ?? 100, context.RequestAborted);
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Outbox</title></head><body><h1>Outbox</h1><table border=\"1\" cellpadding=\"4\">");
        html.Append("<tr><th>created</th><th>template</th><th>to</th><th>subject</th><th>status</th><th>attempts</th><th>next / sent</th><th>last error</th><th>message</th></tr>");
        foreach (var m in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(m.CreatedAt.ToString("u", CultureInfo.InvariantCulture))}</td><td>{H(m.Template)}</td><td>{H(m.To)}</td><td>{H(m.Subject)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{m.Status}</td><td>{m.Attempts}</td><td>{H((m.SentAt ?? m.NextAttemptAt).ToString("u", CultureInfo.InvariantCulture))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{H(m.LastError ?? "")}</td><td><a href=\"/admin/outbox/{m.Id}.eml\">{H(m.MessageId)}</a></td></tr>");
        }

        html.Append("</table></body></html>");
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> RawAsync(Guid id, OutboxQueries queries, HttpContext context)
    {
        var raw = await queries.RawAsync(id, context.RequestAborted);
        if (raw is null) return TypedResults.NotFound();
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Bytes(raw, "text/plain; charset=utf-8");
    }

    private static string H(string value) => WebUtility.HtmlEncode(value);

    /// <summary>Hangfire's own check (its default allows only local requests): signed in with role admin.</summary>
    private sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(CareFlowRoles.Admin);
    }
}
