using System.Globalization;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Web.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Security;

/// <summary>
/// Registers ASP.NET Core Identity (EF stores in <see cref="CareFlowDbContext"/>), the session cookie with idle and
/// absolute timeouts and security-stamp revalidation, API keys, authorization policies, the audit log and CORS for
/// <c>/elsa/api</c>.
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>The ticket item holding the original sign-in time (UTC ticks); sliding renewal moves IssuedUtc, not this.</summary>
    internal const string SignedInAtItem = ".careflow.signed-in-at";

    public static IServiceCollection AddCareFlowSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(CareFlowAccessOptions.SectionName);
        services.AddOptions<CareFlowAccessOptions>().Bind(section)
            .Validate(o => o.Users.All(u => !string.IsNullOrWhiteSpace(u.UserName) && !string.IsNullOrWhiteSpace(u.PasswordHash)),
                "Every CareFlow:Users entry needs a UserName and a PasswordHash.")
            .Validate(o => o.Users.SelectMany(u => u.Roles).All(r => CareFlowRoles.All.Contains(r.Trim().ToLowerInvariant())),
                $"CareFlow:Users roles must be among: {string.Join(", ", CareFlowRoles.All)}.")
            .ValidateOnStart();
        var sessionSection = configuration.GetSection(CareFlowSessionOptions.SectionName);
        services.AddOptions<CareFlowSessionOptions>().Bind(sessionSection)
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.AbsoluteTimeout > TimeSpan.Zero && o.RevalidateInterval >= TimeSpan.Zero,
                "CareFlow:Session:IdleTimeout and :AbsoluteTimeout must be positive and :RevalidateInterval not negative.")
            .Validate(o => o.LockoutFailures > 0 && o.LockoutDuration > TimeSpan.Zero,
                "CareFlow:Session:LockoutFailures and :LockoutDuration must be positive.")
            .ValidateOnStart();
        var session = sessionSection.Get<CareFlowSessionOptions>() ?? new CareFlowSessionOptions();
        services.TryAddSingleton(TimeProvider.System);

        services.AddIdentityCore<IdentityUser>(options =>
            {
                ConfigurePasswordRules(options.Password);
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = session.LockoutFailures;
                options.Lockout.DefaultLockoutTimeSpan = session.LockoutDuration;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CareFlowDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) =>
        {
            options.ValidationInterval = session.RevalidateInterval;
            options.TimeProvider = clock;
            // The re-created principal keeps the browser session's id (the designer tells sessions apart by it).
            options.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(CareFlowClaimTypes.SessionId) is { } sid
                    && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                    identity.AddClaim(new System.Security.Claims.Claim(sid.Type, sid.Value));
                return Task.CompletedTask;
            };
        });

        services.AddAuthentication(CareFlowAuthenticationSchemes.Cookie)
            .AddCookie(CareFlowAuthenticationSchemes.Cookie, options =>
            {
                options.Cookie.Name = "careflow.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = SignInEndpoints.SignInPath;
                options.AccessDeniedPath = SignInEndpoints.SignInPath;
                options.ReturnUrlParameter = "returnUrl";
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
                options.Events.OnSigningIn = StampSignInTime;
                options.Events.OnValidatePrincipal = ValidateSessionAsync;
            })
            // Never used to sign in, but SignInManager signs out of them (e.g. when the security-stamp check fails).
            .AddCookie(IdentityConstants.ExternalScheme, o => o.Cookie.Name = "careflow.external")
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.Name = "careflow.2fa")
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CareFlowAuthenticationSchemes.ApiKey, null);
        // The idle timeout is the ticket's sliding lifetime; the handler reads the clock from DI (tests use a fake one).
        services.AddOptions<CookieAuthenticationOptions>(CareFlowAuthenticationSchemes.Cookie)
            .Configure<IOptions<CareFlowSessionOptions>, TimeProvider>((options, sessionOptions, clock) =>
            {
                options.ExpireTimeSpan = sessionOptions.Value.IdleTimeout;
                options.TimeProvider = clock;
            });
        services.AddAuthorization(CareFlowPolicies.Configure);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddCareFlowAudit();
        services.AddHostedService<ConfiguredUserProvisioner>();
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
    /// The password rules for every account (admin page, create-admin): at least 12 characters and 5 different ones;
    /// no composition rules (NIST SP 800-63B).
    /// </summary>
    internal static void ConfigurePasswordRules(PasswordOptions password)
    {
        password.RequiredLength = 12;
        password.RequiredUniqueChars = 5;
        password.RequireDigit = false;
        password.RequireLowercase = false;
        password.RequireUppercase = false;
        password.RequireNonAlphanumeric = false;
    }

    /// <summary>
    /// Security headers, CORS, authentication, the audit log and authorization, in the order ASP.NET Core needs (CORS
    /// before authorization, so pre-flight requests from allowed origins are answered without credentials; the audit
    /// middleware around authorization, so it sees the final status of every client-data request).
    /// </summary>
    public static WebApplication UseCareFlowSecurity(this WebApplication app)
    {
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthorization();
        return app;
    }

    private static Task StampSignInTime(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(SignedInAtItem))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Properties.Items[SignedInAtItem] = now.UtcTicks.ToString(CultureInfo.InvariantCulture);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs on every cookie-authenticated request after the idle check: ends the session past its absolute lifetime
    /// (counted from the original sign-in), then lets Identity's security-stamp validator end it when the user was
    /// locked, their password reset or their roles changed.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var absolute = services.GetRequiredService<IOptionsMonitor<CareFlowSessionOptions>>().CurrentValue.AbsoluteTimeout;
        if (!context.Properties.Items.TryGetValue(SignedInAtItem, out var raw)
            || !long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || now - new DateTimeOffset(ticks, TimeSpan.Zero) >= absolute)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>API callers (and Studio's fetches) get 401/403 instead of a redirect to the sign-in page.</summary>
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/elsa/api") || path.StartsWithSegments("/api")
            || status == StatusCodes.Status403Forbidden
            || !context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
