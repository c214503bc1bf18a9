using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareFlow.Web.Tests.Designer;

/// <summary>The embedded default with a designer, a read-only coordinator and an API key configured.</summary>
public sealed partial class DesignerAppFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "designer-tests-key";
    public const string Password = "designer-tests-password";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "careflow-designer-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var hash = PasswordHashing.Hash(Password);
        builder.UseSetting("CareFlow:DataDirectory", _dataDirectory);
        builder.UseSetting("CareFlow:WorkflowsDirectory", Path.Combine(_dataDirectory, "none"));
        builder.UseSetting("CareFlow:ApiKeys:0", ApiKey);
        builder.UseSetting("CareFlow:Users:0:UserName", "dana");
        builder.UseSetting("CareFlow:Users:0:PasswordHash", hash);
        builder.UseSetting("CareFlow:Users:0:Roles:0", CareFlowRoles.Designer);
        builder.UseSetting("CareFlow:Users:1:UserName", "rita");
        builder.UseSetting("CareFlow:Users:1:PasswordHash", hash);
        builder.UseSetting("CareFlow:Users:1:Roles:0", CareFlowRoles.Coordinator);
    }

    public HttpClient CreateApiKeyClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        return client;
    }

    /// <summary>A client holding the session cookie of <paramref name="userName"/>, signed in through the real form.</summary>
    public async Task<HttpClient> SignInAsync(string userName, CancellationToken cancellationToken)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/sign-in", cancellationToken);
        var token = TokenField().Match(form);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(token.Groups[2].Value),
            ["userName"] = userName,
            ["password"] = Password,
            ["returnUrl"] = "/designer",
        });
        using var response = await client.PostAsync("/account/sign-in", content, cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {userName} answered {response.StatusCode}.");
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex TokenField();
}
