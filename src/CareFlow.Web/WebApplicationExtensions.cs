using CareFlow.Web.Designer;
using CareFlow.Web.Endpoints;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Health;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CareFlow.Web;

public static class WebApplicationExtensions
{
    /// <summary>Middleware and endpoints. The Hangfire dashboard is not mapped until admin authentication exists.</summary>
    public static WebApplication MapCareFlowWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCareFlowSecurity();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapCareFlowDesigner();
        app.MapElsaRuntime();
        app.MapCareApi();
        app.MapOpenApi();
        return app;
    }
}
