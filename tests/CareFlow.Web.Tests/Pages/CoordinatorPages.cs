using System.Net;
using System.Text.RegularExpressions;

namespace CareFlow.Web.Tests.Pages;

/// <summary>What the coordinator page tests share: intake through the real form, a valid consent, and reading a field's error.</summary>
public static class CoordinatorPages
{
    public static async Task<Guid> IntakeAsync(HttpClient client, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await Forms.PostFormAsync(client, "/clients/new", "/clients/new", fields, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static Dictionary<string, string> ValidConsent() => new()
    {
        ["Input.RecipientEmail"] = "intake@provider.example", ["Input.Purpose"] = "Housing referral", ["Input.InformationDescription"] = "name and housing need",
        ["Input.DisclosingParty"] = "CareFlow", ["Input.ExpiresOn"] = "2030-01-01", ["Input.SignedBy"] = "Client",
    };

    /// <summary>The text of the validation message rendered for <paramref name="field"/> (empty when none).</summary>
    public static string FieldError(string html, string field)
    {
        var match = Regex.Match(html, $"<span class=\"field-error[^\"]*\" data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(.*?)</span>", RegexOptions.Singleline);
        if (!match.Success) match = Regex.Match(html, $"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(.*?)</span>", RegexOptions.Singleline);
        return WebUtility.HtmlDecode(match.Success ? match.Groups[1].Value.Trim() : "");
    }
}

/// <summary>One embedded host with the real workflows for the coordinator page tests, which run one after another as before.</summary>
[CollectionDefinition(Name)]
public sealed class CoordinatorPagesCollectionDefinition : ICollectionFixture<CareFlowApp<CoordinatorPagesApp>>
{
    public const string Name = "coordinator-pages";
}
