using Npgsql;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>The environment of a CareFlow node under test: its database, one API key, a data folder, quiet logs.</summary>
public static class NodeSettings
{
    public static Dictionary<string, string> For(TestDatabase database, string apiKey, string folder, string node) => new()
    {
        // A pool per node well under the rig's max_connections, with room for two nodes and the test's own queries.
        ["ConnectionStrings__CareFlow"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 60 }.ConnectionString,
        ["CareFlow__ApiKeys__0"] = apiKey,
        ["CareFlow__DataDirectory"] = Path.Combine(folder, $"data-{node}"),
        ["CareFlow__WorkflowsDirectory"] = Path.Combine(folder, "no-workflow-files"),
        ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__CareFlow"] = "Information",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging__LogLevel__Hangfire"] = "Information",
    };

    public static string NewApiKey() => "test-" + Guid.NewGuid().ToString("N");
}
