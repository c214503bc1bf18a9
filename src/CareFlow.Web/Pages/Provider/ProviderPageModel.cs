using CareFlow.Core.ProviderLinks;
using CareFlow.Web.ProviderLinks;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CareFlow.Web.Pages.Provider;

/// <summary>
/// What every provider page shares. These are the account-less pages behind the emailed link <c>/r/{token}</c>: open
/// to anyone (the signed token is the credential, scoped to one referral), rate-limited per client address, and
/// answered only by the handler the URL names (GET shows, each action is a POST to its own URL; any other method is
/// 405). A post is checked in this order: the token (no database work for a forged link), that it is a form, then its
/// anti-forgery token (the cookie set when the page was shown; the provider has no session). Every page goes out
/// never cached, with no referrer (the URL holds the token), not indexed, under its own Content-Security-Policy.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ProviderLinkPages.RateLimitPolicy)]
[IgnoreAntiforgeryToken] // checked by ReadFormAsync, after the token: a forged link is a 404 whatever else it carries
public abstract class ProviderPageModel(IProviderLinkTokens tokens, IAntiforgery antiforgery) : PageModel
{
    /// <summary>The link's token, from the URL.</summary>
    public string Token => RouteData.Values["token"] as string ?? "";

    /// <summary>The link's own URL; each action posts to it plus "/" and the action's name.</summary>
    public string LinkUrl => "/r/" + Uri.EscapeDataString(Token);

    /// <summary>Set when the page shows only why the link or the request was refused.</summary>
    public ProviderRefusal? Refusal { get; private set; }

    /// <summary>
    /// Only the handler the URL names answers: GET /r/{token} is OnGet, POST /r/{token}/accept is OnPostAccept, and so
    /// on. A method the URL has no handler for (POST to the page itself, GET of an action's URL, HEAD) and a handler
    /// picked by the query string (<c>?handler=</c>) are 405, as a route for one method would answer.
    /// </summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var named = RouteData.Values["handler"] as string;
        if (context.HandlerMethod is null || HttpMethods.IsHead(Request.Method)
            || !string.Equals(context.HandlerMethod.Name, named, StringComparison.OrdinalIgnoreCase))
        {
            context.Result = StatusCode(StatusCodes.Status405MethodNotAllowed);
        }
    }

    /// <summary>
    /// The checks before a post is read: the token, then a form, then its anti-forgery token. Gives the form, or the
    /// page that refuses the request.
    /// </summary>
    protected async Task<(IFormCollection? Form, IActionResult? Refused)> ReadFormAsync()
    {
        var check = tokens.Read(Token, out _, out _);
        if (check != LinkCheck.Valid)
            return (null, Refuse(ProviderRefusal.For(check)));
        if (!Request.HasFormContentType)
            return (null, Refuse(ProviderRefusal.NotAForm));
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
            return (null, Refuse(ProviderRefusal.PageExpired));
        return (await Request.ReadFormAsync(HttpContext.RequestAborted), null);
    }

    /// <summary>A fresh anti-forgery token for the page's forms (and its cookie, the only one the provider gets).</summary>
    protected AntiforgeryTokenSet IssueAntiforgeryTokens() => antiforgery.GetAndStoreTokens(HttpContext);

    /// <summary>The page saying why the link or the request was refused, with the refusal's status.</summary>
    protected PageResult Refuse(ProviderRefusal refusal)
    {
        Refusal = refusal;
        ViewData["Title"] = refusal.Title;
        return Show(refusal.Status);
    }

    /// <summary>
    /// The page with <paramref name="status"/> and the provider headers. Set last: issuing anti-forgery tokens writes
    /// its own Cache-Control, which these replace.
    /// </summary>
    protected PageResult Show(int status)
    {
        var headers = Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers.ContentSecurityPolicy = SecurityHeadersMiddleware.ProviderContentSecurityPolicy;
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
