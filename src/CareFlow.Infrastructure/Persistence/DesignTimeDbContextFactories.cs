using Microsoft.EntityFrameworkCore.Design;

namespace CareFlow.Infrastructure.Persistence;

/// <summary>
/// How <c>dotnet ef</c> builds the PostgreSQL context (<c>--context PostgresCareFlowDbContext</c>). Scaffolding needs
/// only the model, so the address is deliberately unreachable (port 1): a design-time command never touches a real
/// database unless <c>--connection</c> names one.
/// </summary>
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresCareFlowDbContext>
{
    public PostgresCareFlowDbContext CreateDbContext(string[] args) =>
        PostgresCareFlowDbContext.Create("Host=127.0.0.1;Port=1;Database=careflow_design;Timeout=1");
}

/// <summary>How <c>dotnet ef</c> builds the SQLite context (<c>--context SqliteCareFlowDbContext</c>): an in-memory database.</summary>
public sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteCareFlowDbContext>
{
    public SqliteCareFlowDbContext CreateDbContext(string[] args) => SqliteCareFlowDbContext.Create(":memory:");
}
