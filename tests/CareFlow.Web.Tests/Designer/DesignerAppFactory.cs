using System.Net.Http.Headers;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareFlow.Web.Tests.Designer;

/// <summary>The embedded default with a designer, a read-only coordinator and an API key configured.</summary>
public sealed class DesignerAppFactory : WebApplicationFactory<Program>
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
    public Task<HttpClient> SignInAsync(string userName, CancellationToken cancellationToken) =>
        FormSession.SignInAsync(this, userName, Password, "/designer", cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }
}
