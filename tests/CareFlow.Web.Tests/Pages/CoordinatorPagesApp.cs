using CareFlow.Web.Security;

namespace CareFlow.Web.Tests.Pages;

/// <summary>The embedded default with the repository's workflows and two coordinators, each with their own caseload, and a supervisor.</summary>
public sealed class CoordinatorPagesApp : CareFlowAppOptions
{
    public const string Ann = "ann";
    public const string Ben = "ben";
    public const string Sue = "sue";
    public const string Password = "pages-tests-password";

    public CoordinatorPagesApp()
    {
        DataDirectoryPrefix = "careflow-pages-tests";
        Workflows = WorkflowFiles.Repository;
        // No demo seeding: the tests count rows and must not race the seeder.
        DemoData = false;
        UserPassword = Password;
        AddUsers((Ann, CareFlowRoles.Coordinator), (Ben, CareFlowRoles.Coordinator), (Sue, CareFlowRoles.Supervisor));
    }
}
