using CareFlow.Web.Security;
using Microsoft.AspNetCore.Hosting;

namespace CareFlow.BrowserTests;

/// <summary>The designer host: two configured users (a designer and a read-only coordinator), an API key, no workflow files.</summary>
public sealed class StudioAppFixture : BrowserAppFixture
{
    public const string DesignerUser = "dana";
    public const string ReaderUser = "rita";
    public const string Password = "browser-test-password";
    public const string ApiKey = "browser-test-api-key";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var hash = PasswordHashing.Hash(Password);
        builder.UseSetting("CareFlow:DataDirectory", DataDirectory);
        builder.UseSetting("CareFlow:WorkflowsDirectory", Path.Combine(DataDirectory, "no-workflows"));
        builder.UseSetting("CareFlow:Users:0:UserName", DesignerUser);
        builder.UseSetting("CareFlow:Users:0:PasswordHash", hash);
        builder.UseSetting("CareFlow:Users:0:Roles:0", CareFlowRoles.Designer);
        builder.UseSetting("CareFlow:Users:1:UserName", ReaderUser);
        builder.UseSetting("CareFlow:Users:1:PasswordHash", hash);
        builder.UseSetting("CareFlow:Users:1:Roles:0", CareFlowRoles.Coordinator);
        builder.UseSetting("CareFlow:ApiKeys:0", ApiKey);
    }

    public HttpClient CreateApiClient() => CreateApiClient(ApiKey);
}
