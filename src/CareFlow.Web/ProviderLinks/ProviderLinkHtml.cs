using System.Globalization;
using System.Net;
using System.Text;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.ProviderLinks;
using Microsoft.AspNetCore.Antiforgery;

namespace CareFlow.Web.ProviderLinks;

/// <summary>The provider pages: plain HTML, no scripts, every value encoded, never cached, no referrer (the URL holds the token).</summary>
internal static class ProviderLinkHtml
{
    private static readonly (ReferralStatusReason Reason, string Label)[] Reasons =
    [
        (ReferralStatusReason.NotEligible, "Not eligible"),
        (ReferralStatusReason.NoCapacity, "No capacity / waitlist"),
        (ReferralStatusReason.Cost, "Cost"),
        (ReferralStatusReason.CannotContactClient, "Cannot contact client"),
        (ReferralStatusReason.ClientDeclined, "Client declined"),
        (ReferralStatusReason.Other, "Other (describe)"),
    ];

    public static IResult Referral(HttpContext context, IAntiforgery antiforgery, string token, ProviderLinkPage page, string? message, int status = 200)
    {
        var form = Form(context, antiforgery, token);
        var body = new StringBuilder();
        body.Append("<h1>Referral ").Append(H(page.Reference)).Append("</h1>");
        if (message is not null) body.Append("<p role=\"status\" class=\"msg\">").Append(H(message)).Append("</p>");
        body.Append("<dl><dt>Program</dt><dd>").Append(H(page.ProgramName)).Append("</dd><dt>Status</dt><dd>")
            .Append(H(ReferralStatusRules.Code(page.Status))).Append("</dd>");
        if (page.ResponseDueAt is { } due) body.Append("<dt>Please respond by</dt><dd>").Append(H(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append("</dd>");
        body.Append("</dl>");
        if (page.CanDecide)
        {
            body.Append(form("accept", "<button type=\"submit\">Accept</button>"));
            var options = string.Concat(Reasons.Select(r => $"<option value=\"{r.Reason}\">{H(r.Label)}</option>"));
            body.Append(form("decline", $"<label>Reason <select name=\"reason\" required><option value=\"\">Choose…</option>{options}</select></label> " +
                "<label>Details <input type=\"text\" name=\"reasonText\" maxlength=\"500\"></label> <button type=\"submit\">Decline</button>"));
        }

        if (page.CanStart) body.Append(form("start", "<button type=\"submit\">Services started</button>"));
        if (page.CanComplete) body.Append(form("complete", "<button type=\"submit\">Services completed</button>"));
        body.Append("<h2>Client details</h2><p>Client details are shown only after a one-time code sent to your organisation's referral address, and only as the client's consent allows.</p>");
        body.Append(form("code", "<button type=\"submit\">Email me a code</button>"));
        body.Append(form("details", "<label>Code <input type=\"text\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"6\" required></label> <button type=\"submit\">Show details</button>"));
        return Page(context, $"Referral {page.Reference}", body.ToString(), status);
    }

    public static IResult Details(HttpContext context, string token, ProviderLinkPage page, DisclosureOutcome outcome)
    {
        var body = new StringBuilder();
        body.Append("<h1>Referral ").Append(H(page.Reference)).Append(": client details</h1>");
        if (!outcome.Shown)
        {
            body.Append("<p role=\"alert\" class=\"msg\">").Append(H(outcome.Message)).Append("</p>");
        }
        else
        {
            body.Append("<dl>");
            foreach (var (label, value) in outcome.Fields) body.Append("<dt>").Append(H(label)).Append("</dt><dd>").Append(H(value)).Append("</dd>");
            body.Append("</dl><p><small>Consent covers: ").Append(H(outcome.Scope)).Append("</small></p>");
            body.Append("<p class=\"notice\"><strong>").Append(H(outcome.Notice)).Append("</strong></p>");
        }

        body.Append("<p><a href=\"/r/").Append(H(Uri.EscapeDataString(token))).Append("\">Back to the referral</a></p>");
        return Page(context, "Client details", body.ToString(), outcome.Shown ? 200 : outcome.Message.StartsWith("No client details", StringComparison.Ordinal) ? 403 : 400);
    }

    public static IResult Refused(HttpContext context, LinkCheck check) => check switch
    {
        LinkCheck.Expired => Error(context, StatusCodes.Status410Gone, "This link has expired", "Ask the coordinator who referred the client to send a new one."),
        LinkCheck.Revoked => Error(context, StatusCodes.Status410Gone, "This referral was withdrawn", "The link no longer works; no action is needed."),
        _ => Error(context, StatusCodes.Status404NotFound, "This link is not valid", "Check that the whole link was copied, or ask the coordinator for a new one."),
    };

    public static IResult Error(HttpContext context, int status, string title, string text) =>
        Page(context, title, $"<h1>{H(title)}</h1><p>{H(text)}</p>", status);

    private static Func<string, string, string> Form(HttpContext context, IAntiforgery antiforgery, string token)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var hidden = $"<input type=\"hidden\" name=\"{H(tokens.FormFieldName)}\" value=\"{H(tokens.RequestToken ?? "")}\">";
        var baseUrl = "/r/" + Uri.EscapeDataString(token) + "/";
        return (action, inner) => $"<form method=\"post\" action=\"{H(baseUrl + action)}\">{hidden}{inner}</form>";
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Page(HttpContext context, string title, string body, int status)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer"><title>{{H(title)}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}form{margin:1rem 0}.msg{background:#eef;padding:.5rem}.notice{border:1px solid #a00;padding:.5rem}</style>
            </head><body><main>{{body}}</main></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static string H(string value) => WebUtility.HtmlEncode(value);
}
