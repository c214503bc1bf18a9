using CareFlow.Web.Security;

namespace CareFlow.BrowserTests;

/// <summary>
/// The form designer's host: a designer, a second designer (for stale saves), a coordinator (who must be refused) and an
/// API key to check what was stored; axe-core's bundle for the accessibility checks.
/// </summary>
public sealed class FormDesignerAppFixture : BrowserAppFixture<FormDesignerAppFixture.Options>
{
    public const string DesignerUser = "fay";
    public const string SecondDesignerUser = "finn";
    public const string CoordinatorUser = "cole";
    public const string Password = "form-designer-test-password";
    public const string ApiKey = "form-designer-test-api-key";

    /// <summary>axe-core's browser bundle, installed by the build from axe/package-lock.json.</summary>
    public string AxeSource { get; private set; } = "";

    /// <summary>Two designers, a coordinator, an API key, no workflow files.</summary>
    public sealed class Options : CareFlowAppOptions
    {
        public Options()
        {
            Workflows = WorkflowFiles.None;
            UserPassword = Password;
            AddUsers((DesignerUser, CareFlowRoles.Designer), (SecondDesignerUser, CareFlowRoles.Designer), (CoordinatorUser, CareFlowRoles.Coordinator));
            ConfiguredApiKey = ApiKey;
        }
    }

    public HttpClient CreateApiClient() => CreateApiClient(ApiKey);

    protected override async Task OnServerStartedAsync()
    {
        var axe = RepositoryRoot.Combine("tests", "CareFlow.BrowserTests", "axe", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(axe))
            throw new InvalidOperationException($"axe-core not found at {axe}: the CareFlow.BrowserTests build installs it (npm ci in tests/CareFlow.BrowserTests/axe).");
        AxeSource = await File.ReadAllTextAsync(axe);
    }
}

/// <summary>One host and one Chromium for the form designer tests.</summary>
[CollectionDefinition("form-designer")]
public sealed class FormDesignerCollectionDefinition : ICollectionFixture<FormDesignerAppFixture>;
