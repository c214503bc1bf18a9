namespace CareFlow.IntegrationTests.Health;

/// <summary>
/// The production shape of CareFlow: PostgreSQL (a fresh database) and SMTP to the test server. Shared by every test
/// in [Collection(PostgresHostCollectionDefinition.Name)]; tests call <c>ResetDatabaseAsync</c> first, so a failure
/// leaves its rows to inspect.
/// </summary>
public sealed class PostgresHostApp : CareFlowAppOptions
{
    public PostgresHostApp()
    {
        Database = AppDatabase.FreshPostgres;
        DatabaseName = "app";
        DataDirectoryPrefix = "careflow-it";
        UseSmtp = true;
        SmtpFrom = "CareFlow <careflow@careflow.test>";
        Settings["Email:PublicBaseUrl"] = "http://careflow.test";
    }
}
