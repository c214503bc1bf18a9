using System.Net;
using System.Text.RegularExpressions;

namespace CareFlow.IntegrationTests.Email;

/// <summary>The anti-forgery hidden field of a rendered form (the sign-in page's or a Razor Page's).</summary>
public static partial class AntiforgeryField
{
    public static (string Name, string Value) Find(string html)
    {
        var match = Field().Match(html);
        if (!match.Success) throw new InvalidOperationException("No anti-forgery field in the page.");
        var name = match.Groups["n1"].Success ? match.Groups["n1"].Value : match.Groups["n2"].Value;
        var value = match.Groups["v1"].Success ? match.Groups["v1"].Value : match.Groups["v2"].Value;
        return (name, WebUtility.HtmlDecode(value));
    }

    [GeneratedRegex("<input (?:type=\"hidden\" name=\"(?<n1>[^\"]+)\" value=\"(?<v1>[^\"]+)\"|name=\"(?<n2>__RequestVerificationToken)\" type=\"hidden\" value=\"(?<v2>[^\"]+)\")")]
    private static partial Regex Field();
}
