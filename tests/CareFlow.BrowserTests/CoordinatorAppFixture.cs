using CareFlow.Web.Security;
using Microsoft.AspNetCore.Hosting;

namespace CareFlow.BrowserTests;

/// <summary>
/// The coordinator journey's host: the repository's real workflows provisioned, one coordinator, and an API key
/// (to import the directory). Emails land as .eml files in the embedded outbox folder under the data folder.
/// </summary>
public sealed class CoordinatorAppFixture : BrowserAppFixture
{
    public const string CoordinatorUser = "casey";
    public const string Password = "journey-test-password";
    public const string ApiKey = "journey-test-api-key";

    /// <summary>Where the embedded email sender writes each message as an .eml file.</summary>
    public string OutboxDirectory => Path.Combine(DataDirectory, "outbox");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var workflows = Path.Combine(BrowserTestEnvironment.RepositoryRoot()
            ?? throw new InvalidOperationException("CareFlow.sln not found above the test binaries: cannot find workflows/."), "workflows");
        builder.UseSetting("CareFlow:DataDirectory", DataDirectory);
        builder.UseSetting("CareFlow:WorkflowsDirectory", workflows);
        builder.UseSetting("CareFlow:Users:0:UserName", CoordinatorUser);
        builder.UseSetting("CareFlow:Users:0:PasswordHash", PasswordHashing.Hash(Password));
        builder.UseSetting("CareFlow:Users:0:Roles:0", CareFlowRoles.Coordinator);
        builder.UseSetting("CareFlow:ApiKeys:0", ApiKey);
    }

    public HttpClient CreateApiClient() => CreateApiClient(ApiKey);
}
