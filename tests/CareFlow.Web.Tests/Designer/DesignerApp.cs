using CareFlow.Web.Security;

namespace CareFlow.Web.Tests.Designer;

/// <summary>The embedded default with a designer, a read-only coordinator and an API key configured; no workflow files.</summary>
public sealed class DesignerApp : CareFlowAppOptions
{
    public const string ApiKey = "designer-tests-key";
    public const string Password = "designer-tests-password";

    public DesignerApp()
    {
        DataDirectoryPrefix = "careflow-designer-tests";
        Workflows = WorkflowFiles.None;
        ConfiguredApiKey = ApiKey;
        UserPassword = Password;
        SignInReturnUrl = "/designer";
        AddUsers(("dana", CareFlowRoles.Designer), ("rita", CareFlowRoles.Coordinator));
    }
}
