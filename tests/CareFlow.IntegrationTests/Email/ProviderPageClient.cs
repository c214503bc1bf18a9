using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareFlow.IntegrationTests.Email;

/// <summary>A provider's browser: keeps cookies, reads the anti-forgery token from the page, posts its forms.</summary>
public sealed class ProviderPageClient(CareFlowApp<EmailApp> app) : IDisposable
{
    private readonly HttpClient _http = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    public string? Antiforgery { get; private set; }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (Forms.FindToken(html) is { } token) Antiforgery = token;
        return (response.StatusCode, html);
    }

    public async Task<(HttpStatusCode Status, string Html)> PostAsync(string path, CancellationToken cancellationToken, params (string Name, string Value)[] fields)
    {
        var form = new List<KeyValuePair<string, string>>();
        if (Antiforgery is not null) form.Add(new(Forms.TokenField, Antiforgery));
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public void Dispose() => _http.Dispose();
}
