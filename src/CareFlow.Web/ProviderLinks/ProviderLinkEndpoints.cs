using System.Threading.RateLimiting;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.ProviderLinks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.ProviderLinks;

/// <summary>
/// /r/{token}: the provider's account-less referral page. GET only reads (mail scanners open links); every action is
/// a POST with an anti-forgery token. Rate-limited per client address.
/// </summary>
public static class ProviderLinkEndpoints
{
    public const string RateLimitPolicy = "provider-links";

    public static IServiceCollection AddCareFlowProviderLinkPages(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<ProviderLinkOptions>>().Value.RequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });

    public static IEndpointRouteBuilder MapProviderLinks(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/r/{token}").AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitPolicy);
        group.MapGet("", OpenAsync);
        group.MapPost("/accept", (HttpContext c, string token) => ActAsync(c, token, ProviderAction.Accept));
        group.MapPost("/decline", (HttpContext c, string token) => ActAsync(c, token, ProviderAction.Decline));
        group.MapPost("/start", (HttpContext c, string token) => ActAsync(c, token, ProviderAction.Start));
        group.MapPost("/complete", (HttpContext c, string token) => ActAsync(c, token, ProviderAction.Complete));
        group.MapPost("/code", SendCodeAsync);
        group.MapPost("/details", DetailsAsync);
        return endpoints;
    }

    private static async Task<IResult> OpenAsync(HttpContext context, string token, OpenProviderLinkHandler open, IAntiforgery antiforgery)
    {
        var page = await open.HandleAsync(token, context.RequestAborted);
        return page.Check == LinkCheck.Valid ? ProviderLinkHtml.Referral(context, antiforgery, token, page, null) : ProviderLinkHtml.Refused(context, page.Check);
    }

    private static async Task<IResult> ActAsync(HttpContext context, string token, ProviderAction action)
    {
        var (open, antiforgery, form, refused) = await PrepareAsync(context, token);
        if (refused is not null) return refused;
        ReferralStatusReason? reason = Enum.TryParse<ReferralStatusReason>(form!["reason"], ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var (outcome, message) = await context.RequestServices.GetRequiredService<ProviderActHandler>().HandleAsync(token, action, reason, form["reasonText"], context.RequestAborted);
        var page = await open.HandleAsync(token, context.RequestAborted);
        if (page.Check != LinkCheck.Valid) return ProviderLinkHtml.Refused(context, page.Check);
        var status = outcome switch
        {
            ActionOutcome.Done => StatusCodes.Status200OK,
            ActionOutcome.AlreadyAnswered => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return ProviderLinkHtml.Referral(context, antiforgery, token, page, message, status);
    }

    private static async Task<IResult> SendCodeAsync(HttpContext context, string token)
    {
        var (open, antiforgery, _, refused) = await PrepareAsync(context, token);
        if (refused is not null) return refused;
        var (sent, message) = await context.RequestServices.GetRequiredService<SendProviderCodeHandler>().HandleAsync(token, context.RequestAborted);
        var page = await open.HandleAsync(token, context.RequestAborted);
        if (page.Check != LinkCheck.Valid) return ProviderLinkHtml.Refused(context, page.Check);
        return ProviderLinkHtml.Referral(context, antiforgery, token, page, message, sent ? StatusCodes.Status200OK : StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> DetailsAsync(HttpContext context, string token)
    {
        var (open, _, form, refused) = await PrepareAsync(context, token);
        if (refused is not null) return refused;
        var outcome = await context.RequestServices.GetRequiredService<DiscloseToProviderHandler>().HandleAsync(token, form!["code"], context.RequestAborted);
        var page = await open.HandleAsync(token, context.RequestAborted);
        if (page.Check != LinkCheck.Valid) return ProviderLinkHtml.Refused(context, page.Check);
        return ProviderLinkHtml.Details(context, token, page, outcome);
    }

    /// <summary>Token first (no database work for a forged link), then the form and its anti-forgery token.</summary>
    private static async Task<(OpenProviderLinkHandler Open, IAntiforgery Antiforgery, IFormCollection? Form, IResult? Refused)> PrepareAsync(HttpContext context, string token)
    {
        var services = context.RequestServices;
        var links = services.GetRequiredService<OpenProviderLinkHandler>();
        var antiforgery = services.GetRequiredService<IAntiforgery>();
        var check = services.GetRequiredService<IProviderLinkTokens>().Read(token, out _, out _);
        if (check != LinkCheck.Valid) return (links, antiforgery, null, ProviderLinkHtml.Refused(context, check));
        if (!context.Request.HasFormContentType)
            return (links, antiforgery, null, ProviderLinkHtml.Error(context, StatusCodes.Status415UnsupportedMediaType, "Unexpected request", "Use the buttons on the referral page."));
        if (!await antiforgery.IsRequestValidAsync(context))
            return (links, antiforgery, null, ProviderLinkHtml.Error(context, StatusCodes.Status400BadRequest, "The page has expired", "Open the link from the email again and retry."));
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return (links, antiforgery, form, null);
    }
}
