using CareFlow.Web.Security;

namespace CareFlow.IntegrationTests.FormsApi;

/// <summary>The forms API's hosts: a designer, a coordinator and an API key; the repository's forms/ provisioned at start-up.</summary>
public static class FormsApp
{
    public const string ApiKey = "forms-tests-key";
    public const string Designer = "forms-designer";
    public const string Coordinator = "forms-coordinator";

    /// <summary>The options both hosts share.</summary>
    public static void Configure(CareFlowAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DataDirectoryPrefix = "careflow-it-forms";
        options.Workflows = WorkflowFiles.None;
        options.ConfiguredApiKey = ApiKey;
        options.DemoData = false;
        options.AddUsers((Designer, CareFlowRoles.Designer), (Coordinator, CareFlowRoles.Coordinator));
    }
}

/// <summary>The forms API on SQLite, the embedded default.</summary>
public sealed class SqliteFormsApp : CareFlowAppOptions
{
    public SqliteFormsApp() => FormsApp.Configure(this);
}

/// <summary>The forms API on a fresh PostgreSQL database.</summary>
public sealed class PostgresFormsApp : CareFlowAppOptions
{
    public PostgresFormsApp()
    {
        FormsApp.Configure(this);
        Database = AppDatabase.FreshPostgres;
        DatabaseName = "forms";
    }
}
