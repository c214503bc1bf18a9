namespace CareFlow.Web.Security;

/// <summary>
/// Adds security headers to every response just before it starts, leaving any a component set itself (the designer's
/// host pages and the provider pages bring their own Content-Security-Policy): <c>X-Content-Type-Options: nosniff</c>,
/// <c>Referrer-Policy: no-referrer</c>, a strict CSP on HTML, and <c>Cache-Control: no-store</c> on every /api response,
/// every endpoint or page marked <see cref="ClientDataAttribute"/>, and every page shown to a signed-in user.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>The policy for CareFlow's own pages: nothing inline, nothing from elsewhere, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// Hangfire's dashboard (admin only): its bundled Chart.js injects a &lt;style&gt; element at run time, so inline
    /// styles are allowed there (scripts stay 'self' only), with the same framing, form and plug-in limits.
    /// </summary>
    public const string HangfireContentSecurityPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// The provider pages (<c>/r/{token}</c>, set by the pages themselves): no script at all, no resource from anywhere,
    /// their own inline style, forms to this site only, no framing.
    /// </summary>
    public const string ProviderContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, http);
        return next(http);
    }

    private static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("Referrer-Policy", "no-referrer");
        var path = http.Request.PathBase.Add(http.Request.Path); // Hangfire's dashboard moves its prefix into PathBase
        var html = http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        if (html && !headers.ContainsKey("Content-Security-Policy"))
            headers.ContentSecurityPolicy = path.StartsWithSegments("/hangfire") ? HangfireContentSecurityPolicy : ContentSecurityPolicy;
        if (path.StartsWithSegments("/api")
            || http.GetEndpoint()?.Metadata.GetMetadata<ClientDataAttribute>() is not null
            || (html && http.User.Identity?.IsAuthenticated == true))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }
}
