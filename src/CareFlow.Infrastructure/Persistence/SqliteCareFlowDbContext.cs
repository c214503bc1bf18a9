using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CareFlow.Infrastructure.Persistence;

/// <summary>SQLite (embedded default); migrations in Migrations/Sqlite.</summary>
public sealed class SqliteCareFlowDbContext(DbContextOptions<SqliteCareFlowDbContext> options) : CareFlowDbContext(options)
{
    public override string ProviderName => "sqlite";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string databaseFile) =>
        builder.UseSqlite($"Data Source={databaseFile}", sqlite => sqlite.MigrationsHistoryTable(CareFlowSchemas.MigrationsHistoryTable));

    public static SqliteCareFlowDbContext Create(string databaseFile) =>
        new((DbContextOptions<SqliteCareFlowDbContext>)Configure(new DbContextOptionsBuilder<SqliteCareFlowDbContext>(), databaseFile).Options);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // SQLite has no schemas: drop them (instead of EF's per-entity warning) and make sure no two tables collide.
        builder.HasDefaultSchema(null);
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            entityType.SetSchema(null);
        }

        var clash = builder.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null)
            .GroupBy(e => e.GetTableName()).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException($"Table name '{clash.Key}' is used in two schemas; SQLite has no schemas, so rename one.");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset; store UTC ticks so due-time queries translate and sort correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
