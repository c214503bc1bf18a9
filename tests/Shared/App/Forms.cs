using System.Net;
using System.Text.RegularExpressions;

namespace CareFlow.Testing;

/// <summary>
/// Razor Pages forms as a browser fills them: reads the anti-forgery field of a rendered page, posts forms with it,
/// and signs in through the real sign-in form.
/// </summary>
public static partial class Forms
{
    /// <summary>The name of Razor Pages' anti-forgery field.</summary>
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The sign-in form's path.</summary>
    public const string SignInPath = "/account/sign-in";

    /// <summary>The value of the first anti-forgery field on <paramref name="html"/>; throws when the page has none.</summary>
    public static string Token(string html) =>
        FindToken(html) ?? throw new InvalidOperationException("No anti-forgery field in the page.");

    /// <summary>The value of the first anti-forgery field on <paramref name="html"/>, or null when the page has none.</summary>
    public static string? FindToken(string html)
    {
        var token = TokenInput().Match(html);
        return token.Success ? WebUtility.HtmlDecode(token.Groups["value"].Value) : null;
    }

    /// <summary>The anti-forgery field of the first form on <paramref name="html"/>, as a form field.</summary>
    public static KeyValuePair<string, string> TokenPair(string html) => new(TokenField, Token(html));

    /// <summary>Posts the sign-in form; returns the response (302 on success, 401 with the form on failure).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password, string? returnUrl, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string> { ["userName"] = userName, ["password"] = password };
        if (returnUrl is not null)
            fields["returnUrl"] = returnUrl;
        return await PostFormAsync(client, SignInPath, SignInPath, fields, cancellationToken);
    }

    /// <summary>Signs <paramref name="client"/> in through the real form; throws unless the form answers 302.</summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password, string? returnUrl, CancellationToken cancellationToken)
    {
        using var response = await PostSignInAsync(client, userName, password, returnUrl, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {userName} answered {response.StatusCode}.");
    }

    /// <summary>GETs <paramref name="formPage"/> for its anti-forgery token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var html = await client.GetStringAsync(new Uri(formPage, UriKind.Relative), cancellationToken);
        var values = new Dictionary<string, string>(fields) { [TokenField] = Token(html) };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content, cancellationToken);
    }

    // Only the field with this name: other hidden fields (returnUrl on the sign-in form) come first on some pages.
    [GeneratedRegex("<input[^>]*\\sname=\"__RequestVerificationToken\"[^>]*\\svalue=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenInput();
}
