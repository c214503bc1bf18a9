using CareFlow.Core.ProviderLinks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace CareFlow.Web.Pages.Provider;

/// <summary>
/// <c>POST /r/{token}/details</c>: the client details, after the one-time code, as far as the client's consent allows,
/// with the consent's scope and the redisclosure notice (200); or why not: 403 when no consent covers the provider,
/// 400 for a wrong, spent or expired code.
/// </summary>
public sealed class DetailsModel(OpenProviderLinkHandler open, DiscloseToProviderHandler disclose, IProviderLinkTokens tokens, IAntiforgery antiforgery)
    : ProviderPageModel(tokens, antiforgery)
{
    /// <summary>The referral's reference (its heading).</summary>
    public string Reference { get; private set; } = "";

    /// <summary>What was disclosed, or why not.</summary>
    public DisclosureOutcome? Outcome { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var (form, refused) = await ReadFormAsync();
        if (refused is not null)
            return refused;
        var outcome = await disclose.HandleAsync(Token, form!["code"], HttpContext.RequestAborted);
        var referral = await open.HandleAsync(Token, HttpContext.RequestAborted);
        if (referral.Check != LinkCheck.Valid)
            return Refuse(ProviderRefusal.For(referral.Check));
        Reference = referral.Reference;
        Outcome = outcome;
        ViewData["Title"] = "Client details";
        return Show(outcome.Shown ? StatusCodes.Status200OK
            : outcome.Message.StartsWith("No client details", StringComparison.Ordinal) ? StatusCodes.Status403Forbidden
            : StatusCodes.Status400BadRequest);
    }
}
