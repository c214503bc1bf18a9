using CareFlow.Infrastructure.Persistence;

namespace CareFlow.MigrationTool;

/// <summary>
/// One provider's context, built without a reachable database: scaffolding only needs the model. The PostgreSQL
/// address is deliberately unreachable (port 1) so that "remove" can never touch a real database.
/// </summary>
internal sealed record ProviderTarget(string Folder, Func<CareFlowDbContext> CreateContext)
{
    public static readonly IReadOnlyList<ProviderTarget> All =
    [
        new("Postgres", () => PostgresCareFlowDbContext.Create("Host=127.0.0.1;Port=1;Database=careflow_design;Timeout=1")),
        new("Sqlite", () => SqliteCareFlowDbContext.Create(":memory:")),
    ];

    public string SubNamespace => "Migrations." + Folder;
}
