using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Persistence;

/// <summary>PostgreSQL (production); migrations in Migrations/Postgres.</summary>
public sealed class PostgresCareFlowDbContext(DbContextOptions<PostgresCareFlowDbContext> options) : CareFlowDbContext(options)
{
    public override string ProviderName => "postgresql";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(CareFlowSchemas.MigrationsHistoryTable, CareFlowSchemas.Domain));

    public static PostgresCareFlowDbContext Create(string connectionString) =>
        new((DbContextOptions<PostgresCareFlowDbContext>)Configure(new DbContextOptionsBuilder<PostgresCareFlowDbContext>(), connectionString).Options);
}
