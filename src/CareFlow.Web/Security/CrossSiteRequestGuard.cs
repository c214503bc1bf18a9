using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Security;

/// <summary>
/// Refuses a state-changing request (any method but GET, HEAD, OPTIONS and TRACE) that carries the session cookie when
/// the browser says it comes from another site (Fetch Metadata, <c>Sec-Fetch-Site: cross-site</c>): 403 problem+json,
/// before authentication, so nothing runs. Same-origin, same-site and user-initiated (<c>none</c>) requests pass, as
/// do requests without the header (anti-forgery tokens still guard every form). Requests without the session cookie
/// (API keys, provider links) are not this guard's concern: a cross-site page cannot borrow their credentials.
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next, IOptionsMonitor<CookieAuthenticationOptions> cookies, IProblemDetailsService problems)
{
    public const string Detail = "A request that changes data and carries the CareFlow session cookie must come from CareFlow's own pages, not from another site.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (ChangesState(context.Request.Method)
            && string.Equals(context.Request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase)
            && CarriesSessionCookie(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Cross-site request refused", Detail = Detail },
            });
            return;
        }
        await next(context);
    }

    private static bool ChangesState(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>The cookie, or any chunk of it (large tickets are split into <c>name</c>, <c>nameC1</c>, …).</summary>
    private bool CarriesSessionCookie(HttpRequest request)
    {
        var name = cookies.Get(CareFlowAuthenticationSchemes.Cookie).Cookie.Name ?? "";
        return name.Length > 0 && request.Cookies.Keys.Any(k => k.StartsWith(name, StringComparison.Ordinal));
    }
}
