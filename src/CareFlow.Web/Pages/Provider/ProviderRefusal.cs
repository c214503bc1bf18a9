using CareFlow.Core.ProviderLinks;

namespace CareFlow.Web.Pages.Provider;

/// <summary>Why a provider page shows nothing of the referral: the status, a heading and what the provider can do.</summary>
/// <param name="Status">The HTTP status of the page.</param>
/// <param name="Title">The page's heading (and title).</param>
/// <param name="Text">What happened, and what to do next.</param>
public sealed record ProviderRefusal(int Status, string Title, string Text)
{
    /// <summary>A post that is not a form (the pages' buttons always send one).</summary>
    public static ProviderRefusal NotAForm { get; } =
        new(StatusCodes.Status415UnsupportedMediaType, "Unexpected request", "Use the buttons on the referral page.");

    /// <summary>A post without a valid anti-forgery token (an old page, or not from the page at all).</summary>
    public static ProviderRefusal PageExpired { get; } =
        new(StatusCodes.Status400BadRequest, "The page has expired", "Open the link from the email again and retry.");

    /// <summary>The refusal for a link that is not valid (anything but <see cref="LinkCheck.Valid"/>).</summary>
    public static ProviderRefusal For(LinkCheck check) => check switch
    {
        LinkCheck.Expired => new(StatusCodes.Status410Gone, "This link has expired", "Ask the coordinator who referred the client to send a new one."),
        LinkCheck.Revoked => new(StatusCodes.Status410Gone, "This referral was withdrawn", "The link no longer works; no action is needed."),
        _ => new(StatusCodes.Status404NotFound, "This link is not valid", "Check that the whole link was copied, or ask the coordinator for a new one."),
    };
}
