using CareFlow.Web.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CareFlow.Web;

public static class WebApplicationExtensions
{
    /// <summary>Middleware and endpoints. The Hangfire dashboard is not mapped until admin authentication exists.</summary>
    public static WebApplication MapCareFlowWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        return app;
    }
}
