using System.Net;
using System.Text.RegularExpressions;

namespace CareFlow.IntegrationTests.Email;

/// <summary>The anti-forgery hidden field of a rendered Razor Pages form (the first one on the page).</summary>
public static partial class AntiforgeryField
{
    public const string Name = "__RequestVerificationToken";

    public static (string Name, string Value) Find(string html)
    {
        var match = Field().Match(html);
        if (!match.Success) throw new InvalidOperationException("No anti-forgery field in the page.");
        return (Name, WebUtility.HtmlDecode(match.Groups["value"].Value));
    }

    // Only the field with this name: other hidden fields (returnUrl on the sign-in form) come first on some pages.
    [GeneratedRegex("<input[^>]*\\sname=\"__RequestVerificationToken\"[^>]*\\svalue=\"(?<value>[^\"]+)\"")]
    private static partial Regex Field();
}
