using CareFlow.Web.Designer;
using CareFlow.Web.Endpoints.Elsa;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Health;
using CareFlow.Web.Hygiene;
using CareFlow.Web.Outbox;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CareFlow.Web;

public static class WebApplicationExtensions
{
    /// <summary>
    /// Middleware and endpoints; the Hangfire dashboard at /hangfire is for role admin only. Forwarded headers come
    /// first (only from configured proxies), so everything after sees the client's address and scheme; HSTS outside
    /// Development.
    /// </summary>
    public static WebApplication MapCareFlowWeb(this WebApplication app)
    {
        app.UseCareFlowForwardedHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseCareFlowSecurity();
        app.UseRateLimiter();
        app.UseMiddleware<RequestHygieneMiddleware>();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapCareFlowDesigner();
        app.MapElsaRuntime();
        app.MapCareApi();
        app.MapOpenApi();
        app.MapOutboxAdmin();
        app.MapRazorPages();
        return app;
    }
}
