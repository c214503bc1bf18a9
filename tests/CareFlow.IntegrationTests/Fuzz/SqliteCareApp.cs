namespace CareFlow.IntegrationTests.Fuzz;

/// <summary>
/// The embedded default (SQLite, in-memory Hangfire, .eml outbox) in a fresh data folder, with the care test's API key
/// and no demo data: the SQLite twin of <see cref="Care.CareApp"/> for tests that must hold on both providers.
/// </summary>
public sealed class SqliteCareApp : CareFlowAppOptions
{
    public SqliteCareApp()
    {
        Environment = "Development";
        DataDirectoryPrefix = "careflow-fuzz-sqlite";
        ConfiguredApiKey = Care.CareApp.ApiKey;
        DemoData = false;
    }
}
