namespace CareFlow.Web.Tests.Security;

/// <summary>Reads the anti-forgery field of a Razor Pages form, and signs in through the real form.</summary>
public static class Forms
{
    public const string TokenField = FormSession.TokenFieldName;

    public static string Token(string html) => FormSession.Token(html);

    /// <summary>Posts the sign-in form; returns the response (302 on success, 401 with the form on failure).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password, string? returnUrl, CancellationToken cancellationToken)
    {
        var form = await client.GetStringAsync("/account/sign-in", cancellationToken);
        var fields = new Dictionary<string, string>
        {
            [TokenField] = Token(form),
            ["userName"] = userName,
            ["password"] = password,
        };
        if (returnUrl is not null)
            fields["returnUrl"] = returnUrl;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync("/account/sign-in", content, cancellationToken);
    }

}
