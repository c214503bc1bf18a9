using CareFlow.Web.Security;

namespace CareFlow.BrowserTests;

/// <summary>The designer host: two configured users (a designer and a read-only coordinator), an API key, no workflow files.</summary>
public sealed class StudioAppFixture : BrowserAppFixture<StudioAppFixture.Options>
{
    public const string DesignerUser = "dana";
    public const string ReaderUser = "rita";
    public const string Password = "browser-test-password";
    public const string ApiKey = "browser-test-api-key";

    /// <summary>A designer and a read-only coordinator, an API key, no workflow files.</summary>
    public sealed class Options : CareFlowAppOptions
    {
        public Options()
        {
            Workflows = WorkflowFiles.None;
            UserPassword = Password;
            AddUsers((DesignerUser, CareFlowRoles.Designer), (ReaderUser, CareFlowRoles.Coordinator));
            ConfiguredApiKey = ApiKey;
        }
    }

    public HttpClient CreateApiClient() => CreateApiClient(ApiKey);
}
