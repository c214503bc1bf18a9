using System.Globalization;
using System.Security.Claims;
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
                options.Events.OnSigningIn = StartSessionAsync;
                options.Events.OnSigningOut = EndSessionAsync;
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
        services.AddScoped<SessionRegistry>();
        services.AddCareFlowForwardedHeaders(configuration);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
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
    /// The cross-site guard (before anything that could act on the request), CORS, authentication, the audit log and
    /// authorization, in the order ASP.NET Core needs (CORS before authorization, so pre-flight requests from allowed
    /// origins are answered without credentials; the audit middleware around authorization, so it sees the final
    /// status of every client-data request).
    /// </summary>
    public static WebApplication UseCareFlowSecurity(this WebApplication app)
    {
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Stamps the sign-in time into the ticket and records the session on the server (<see cref="SessionRegistry"/>);
    /// a principal without a session id gets one here.
    /// </summary>
    private static async Task StartSessionAsync(CookieSigningInContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
        context.Properties.Items.TryAdd(SignedInAtItem, now);
        context.Properties.Items[ValidatedAtItem] = now;
        if (context.Principal?.Identity is not ClaimsIdentity identity)
            return;
        var sessionId = identity.FindFirst(CareFlowClaimTypes.SessionId)?.Value;
        if (sessionId is null)
        {
            sessionId = Guid.NewGuid().ToString("N");
            identity.AddClaim(new Claim(CareFlowClaimTypes.SessionId, sessionId));
        }
        var userId = identity.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";
        await services.GetRequiredService<SessionRegistry>().StartAsync(sessionId, userId, context.HttpContext.RequestAborted);
    }

    /// <summary>Sign-out deletes the session's row, so a copy of the cookie saved before is refused from now on.</summary>
    private static async Task EndSessionAsync(CookieSigningOutContext context)
    {
        if (context.HttpContext.User.FindFirst(CareFlowClaimTypes.SessionId)?.Value is { } sessionId)
            await context.HttpContext.RequestServices.GetRequiredService<SessionRegistry>().EndAsync(sessionId, CancellationToken.None);
    }

    /// <summary>
    /// Runs on every cookie-authenticated request after the cookie handler's idle check: ends the session past its
    /// absolute lifetime (counted from the original sign-in) or when its server-side row is gone (signed out; an admin
    /// locked the user, reset the password or changed the roles); and every <see cref="CareFlowSessionOptions.RevalidateInterval"/>
    /// checks the user against the database: a changed security stamp (password reset, role change, lock by an admin),
    /// a locked-out or deleted user ends the session; otherwise the principal is rebuilt with the current roles.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var session = services.GetRequiredService<IOptionsMonitor<CareFlowSessionOptions>>().CurrentValue;
        var sessionId = context.Principal?.FindFirst(CareFlowClaimTypes.SessionId)?.Value;
        if (TicksItem(context.Properties, SignedInAtItem) is not { } signedInAt || now - signedInAt >= session.AbsoluteTimeout
            || sessionId is null || !await services.GetRequiredService<SessionRegistry>().IsActiveAsync(sessionId, context.HttpContext.RequestAborted))
        {
            await EndAsync(context, sessionId);
            return;
        }
        if (TicksItem(context.Properties, ValidatedAtItem) is { } validatedAt && now - validatedAt < session.RevalidateInterval)
            return;

        var signIn = services.GetRequiredService<SignInManager<IdentityUser>>();
        var user = context.Principal is null ? null : await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            await EndAsync(context, sessionId);
            return;
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (principal.Identity is ClaimsIdentity identity)
            identity.AddClaim(new Claim(CareFlowClaimTypes.SessionId, sessionId));
        context.ReplacePrincipal(principal);
        context.Properties.Items[ValidatedAtItem] = now.UtcTicks.ToString(CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }

    private static async Task EndAsync(CookieValidatePrincipalContext context, string? sessionId)
    {
        if (sessionId is not null)
            await context.HttpContext.RequestServices.GetRequiredService<SessionRegistry>().EndAsync(sessionId, CancellationToken.None);
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
