using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareFlow.Web.Security;

/// <summary>Registers sign-in, API keys, authorization policies and CORS for <c>/elsa/api</c>.</summary>
public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddCareFlowSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(CareFlowAccessOptions.SectionName);
        services.AddOptions<CareFlowAccessOptions>().Bind(section)
            .Validate(o => o.Users.All(u => !string.IsNullOrWhiteSpace(u.UserName) && !string.IsNullOrWhiteSpace(u.PasswordHash)),
                "Every CareFlow:Users entry needs a UserName and a PasswordHash.")
            .Validate(o => o.Users.SelectMany(u => u.Roles).All(r => CareFlowRoles.All.Contains(r.Trim().ToLowerInvariant())),
                $"CareFlow:Users roles must be among: {string.Join(", ", CareFlowRoles.All)}.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddAuthentication(CareFlowAuthenticationSchemes.Cookie)
            .AddCookie(CareFlowAuthenticationSchemes.Cookie, options =>
            {
                options.Cookie.Name = "careflow.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = SignInEndpoints.SignInPath;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CareFlowAuthenticationSchemes.ApiKey, null);
        services.AddAuthorization(CareFlowPolicies.Configure);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "careflow.antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        var origins = section.GetSection(nameof(CareFlowAccessOptions.AllowedOrigins)).Get<string[]>() ?? [];
        services.AddCors(options => options.AddPolicy(CareFlowPolicies.ElsaApiCors, policy =>
        {
            if (origins.Length > 0)
                policy.WithOrigins(origins);
            policy.AllowAnyMethod()
                .WithHeaders("Authorization", "Content-Type", "X-Tenant-Id")
                .WithExposedHeaders("x-elsa-workflow-instance-id", "x-elsa-workflow-cannot-start", "x-elsa-response", "Content-Disposition");
        }));
        return services;
    }

    /// <summary>
    /// CORS, authentication and authorization, in the order ASP.NET Core needs (CORS before authorization,
    /// so pre-flight requests from allowed origins are answered without credentials).
    /// </summary>
    public static WebApplication UseCareFlowSecurity(this WebApplication app)
    {
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapCareFlowSignIn();
        return app;
    }

    /// <summary>API callers (and Studio's fetches) get 401/403 instead of a redirect to the sign-in page.</summary>
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/elsa/api") || path.StartsWithSegments("/api")
            || !context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
