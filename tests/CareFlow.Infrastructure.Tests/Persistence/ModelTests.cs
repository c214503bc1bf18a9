using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Tests.Persistence;

/// <summary>Builds both models without opening a connection.</summary>
public class ModelTests
{
    [Fact]
    public void PostgresModel_PutsDomainTablesInTheCareFlowSchema_WithSnakeCaseNames()
    {
        using var db = PostgresCareFlowDbContext.Create("Host=127.0.0.1;Port=1");

        var keys = db.Model.FindEntityType(typeof(DataProtection.DataProtectionKey))!;
        Assert.Equal("careflow", keys.GetSchema());
        Assert.Equal("data_protection_keys", keys.GetTableName());
        Assert.Equal(["friendly_name", "id", "xml"], keys.GetProperties().Select(p => p.GetColumnName()).Order());
    }

    [Fact]
    public void SqliteModel_HasNoSchemas_AndTheSameTableNames()
    {
        using var db = SqliteCareFlowDbContext.Create(":memory:");

        Assert.All(db.Model.GetEntityTypes(), e => Assert.Null(e.GetSchema()));
        Assert.Equal("data_protection_keys", db.Model.FindEntityType(typeof(DataProtection.DataProtectionKey))!.GetTableName());
    }

    [Fact]
    public void Migrations_MatchTheModel_ForBothProviders()
    {
        // Fails when the model changed without `./scripts/add-migration.sh <Name>` (dotnet ef migrations add, for both providers).
        using var postgres = PostgresCareFlowDbContext.Create("Host=127.0.0.1;Port=1");
        using var sqlite = SqliteCareFlowDbContext.Create(":memory:");

        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL migrations are behind the model.");
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite migrations are behind the model.");
        Assert.Equal(
            postgres.Database.GetMigrations().Select(Name),
            sqlite.Database.GetMigrations().Select(Name));
    }

    private static string Name(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
