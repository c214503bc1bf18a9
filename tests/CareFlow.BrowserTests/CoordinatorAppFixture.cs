using CareFlow.Web.Security;

namespace CareFlow.BrowserTests;

/// <summary>
/// The coordinator journey's host: the repository's real workflows provisioned, one coordinator, and an API key
/// (to import the directory). Emails land as .eml files in the embedded outbox folder under the data folder.
/// </summary>
public sealed class CoordinatorAppFixture : BrowserAppFixture<CoordinatorAppFixture.Options>
{
    public const string CoordinatorUser = "casey";
    public const string Password = "journey-test-password";
    public const string ApiKey = "journey-test-api-key";

    /// <summary>Where the embedded email sender writes each message as an .eml file.</summary>
    public string OutboxDirectory => Path.Combine(DataDirectory, "outbox");

    /// <summary>The repository's workflows, one coordinator, an API key.</summary>
    public sealed class Options : CareFlowAppOptions
    {
        public Options()
        {
            Workflows = WorkflowFiles.Repository;
            UserPassword = Password;
            AddUsers((CoordinatorUser, CareFlowRoles.Coordinator));
            ConfiguredApiKey = ApiKey;
        }
    }

    public HttpClient CreateApiClient() => CreateApiClient(ApiKey);
}
