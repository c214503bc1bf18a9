using CareFlow.Core.Care.Referrals;
using CareFlow.Core.ProviderLinks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace CareFlow.Web.Pages.Provider;

/// <summary>
/// <c>/r/{token}</c>: the provider's referral page. GET only reads (mail scanners open links); each button posts to
/// its own URL (<c>/accept</c>, <c>/decline</c>, <c>/start</c>, <c>/complete</c>, <c>/code</c>) and gets the page
/// back as it is after the action, with the action's message: 200 when done, 409 when the referral was already
/// answered, 400 when the action does not apply (429 when too many codes were asked for).
/// Shows the minimum necessary: reference, program, status and due date, never client data.
/// </summary>
public sealed class ReferralModel(
    OpenProviderLinkHandler open, ProviderActHandler act, SendProviderCodeHandler sendCode, IProviderLinkTokens tokens, IAntiforgery antiforgery)
    : ProviderPageModel(tokens, antiforgery)
{
    /// <summary>The reasons a provider may give for declining, with their labels.</summary>
    public static IReadOnlyList<(ReferralStatusReason Reason, string Label)> DeclineReasons { get; } =
    [
        (ReferralStatusReason.NotEligible, "Not eligible"),
        (ReferralStatusReason.NoCapacity, "No capacity / waitlist"),
        (ReferralStatusReason.Cost, "Cost"),
        (ReferralStatusReason.CannotContactClient, "Cannot contact client"),
        (ReferralStatusReason.ClientDeclined, "Client declined"),
        (ReferralStatusReason.Other, "Other (describe)"),
    ];

    /// <summary>The referral as the provider may see it (null when refused).</summary>
    public ProviderLinkPage? Referral { get; private set; }

    /// <summary>The outcome of the action just posted, if any.</summary>
    public string? Message { get; private set; }

    /// <summary>The anti-forgery token the page's forms carry.</summary>
    public AntiforgeryTokenSet? Antiforgery { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ShowReferralAsync(message: null, StatusCodes.Status200OK);

    public Task<IActionResult> OnPostAcceptAsync() => ActAsync(ProviderAction.Accept);

    public Task<IActionResult> OnPostDeclineAsync() => ActAsync(ProviderAction.Decline);

    public Task<IActionResult> OnPostStartAsync() => ActAsync(ProviderAction.Start);

    public Task<IActionResult> OnPostCompleteAsync() => ActAsync(ProviderAction.Complete);

    /// <summary>"Email me a code": a one-time code to the provider's referral address, for the client details.</summary>
    public async Task<IActionResult> OnPostCodeAsync()
    {
        var (_, refused) = await ReadFormAsync();
        if (refused is not null)
            return refused;
        var (sent, message) = await sendCode.HandleAsync(Token, HttpContext.RequestAborted);
        return await ShowReferralAsync(message, sent ? StatusCodes.Status200OK : StatusCodes.Status429TooManyRequests);
    }

    private async Task<IActionResult> ActAsync(ProviderAction action)
    {
        var (form, refused) = await ReadFormAsync();
        if (refused is not null)
            return refused;
        ReferralStatusReason? reason = Enum.TryParse<ReferralStatusReason>(form!["reason"], ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var (outcome, message) = await act.HandleAsync(Token, action, reason, form["reasonText"], HttpContext.RequestAborted);
        return await ShowReferralAsync(message, outcome switch
        {
            ActionOutcome.Done => StatusCodes.Status200OK,
            ActionOutcome.AlreadyAnswered => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        });
    }

    /// <summary>The referral as it is now (read again after an action), or why the link does not work (any more).</summary>
    private async Task<IActionResult> ShowReferralAsync(string? message, int status)
    {
        var referral = await open.HandleAsync(Token, HttpContext.RequestAborted);
        if (referral.Check != LinkCheck.Valid)
            return Refuse(ProviderRefusal.For(referral.Check));
        Referral = referral;
        Message = message;
        Antiforgery = IssueAntiforgeryTokens();
        ViewData["Title"] = $"Referral {referral.Reference}";
        return Show(status);
    }
}
