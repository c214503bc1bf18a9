using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareFlow.Web.Tests;

/// <summary>Signs in through the real form and posts forms with their anti-forgery token, like a browser.</summary>
public static partial class FormSession
{
    /// <summary>A client holding the session cookie of <paramref name="userName"/> (redirects not followed).</summary>
    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string userName, string password, string returnUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await PostFormAsync(client, "/account/sign-in", "/account/sign-in",
            new Dictionary<string, string> { ["userName"] = userName, ["password"] = password, ["returnUrl"] = returnUrl }, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {userName} answered {response.StatusCode}.");
        return client;
    }

    /// <summary>GETs <paramref name="formPage"/> for its anti-forgery token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var html = await client.GetStringAsync(new Uri(formPage, UriKind.Relative), cancellationToken);
        var values = new Dictionary<string, string>(fields) { [TokenFieldName] = Token(html) };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content, cancellationToken);
    }

    /// <summary>The name of Razor Pages' anti-forgery field.</summary>
    public const string TokenFieldName = "__RequestVerificationToken";

    /// <summary>The value of the first anti-forgery field on <paramref name="html"/>.</summary>
    public static string Token(string html)
    {
        var token = TokenField().Match(html);
        if (!token.Success) throw new InvalidOperationException("No anti-forgery field in the page.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
