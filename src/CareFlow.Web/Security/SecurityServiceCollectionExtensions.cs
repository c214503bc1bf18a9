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

    /// <summary>The ticket item holding when the session was last checked against the database (UTC ticks).</summary>
    internal const string ValidatedAtItem = ".careflow.validated-at";

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
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
        context.Properties.Items.TryAdd(SignedInAtItem, now);
        context.Properties.Items[ValidatedAtItem] = now;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs on every cookie-authenticated request after the cookie handler's idle check: ends the session past its
    /// absolute lifetime (counted from the original sign-in); and every <see cref="CareFlowSessionOptions.RevalidateInterval"/>
    /// checks the user against the database: a changed security stamp (password reset, role change, lock by an admin),
    /// a locked-out or deleted user ends the session; otherwise the principal is rebuilt with the current roles.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var session = services.GetRequiredService<IOptionsMonitor<CareFlowSessionOptions>>().CurrentValue;
        if (TicksItem(context.Properties, SignedInAtItem) is not { } signedInAt || now - signedInAt >= session.AbsoluteTimeout)
        {
            await EndAsync(context);
            return;
        }
        if (TicksItem(context.Properties, ValidatedAtItem) is { } validatedAt && now - validatedAt < session.RevalidateInterval)
            return;

        var signIn = services.GetRequiredService<SignInManager<IdentityUser>>();
        var user = context.Principal is null ? null : await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            await EndAsync(context);
            return;
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (context.Principal?.FindFirst(CareFlowClaimTypes.SessionId) is { } sid && principal.Identity is System.Security.Claims.ClaimsIdentity identity)
            identity.AddClaim(new System.Security.Claims.Claim(sid.Type, sid.Value));
        context.ReplacePrincipal(principal);
        context.Properties.Items[ValidatedAtItem] = now.UtcTicks.ToString(CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }

    private static async Task EndAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    private static DateTimeOffset? TicksItem(AuthenticationProperties properties, string key) =>
        properties.Items.TryGetValue(key, out var raw) && long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

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
