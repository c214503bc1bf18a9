using CareFlow.Infrastructure.DataProtection;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareFlow.IntegrationTests.Persistence;

public class PostgresMigrationTests
{
    [Fact]
    public async Task Migrate_CreatesTheSchema_AndARowRoundTrips()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync("migrate", cancellationToken);

        await using (var db = PostgresCareFlowDbContext.Create(database.ConnectionString))
        {
            await db.Database.MigrateAsync(cancellationToken);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(cancellationToken));
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-1", Xml = "<key id=\"1\" />" });
            await db.SaveChangesAsync(cancellationToken);
        }

        await using (var db = PostgresCareFlowDbContext.Create(database.ConnectionString))
        {
            var key = await db.DataProtectionKeys.SingleAsync(cancellationToken);
            Assert.Equal("key-1", key.FriendlyName);
            Assert.Equal("<key id=\"1\" />", key.Xml);
        }

        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM careflow.data_protection_keys", cancellationToken));
        await using var check = PostgresCareFlowDbContext.Create(database.ConnectionString);
        Assert.Equal(check.Database.GetMigrations().LongCount(), await ScalarAsync(database, "SELECT count(*) FROM careflow.__ef_migrations_history", cancellationToken));
    }

    [Fact]
    public async Task Migrate_IsANoOp_WhenRunTwice()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync("twice", cancellationToken);

        await using var first = PostgresCareFlowDbContext.Create(database.ConnectionString);
        await first.Database.MigrateAsync(cancellationToken);
        await using var second = PostgresCareFlowDbContext.Create(database.ConnectionString);
        await second.Database.MigrateAsync(cancellationToken);

        Assert.Equal(
            second.Database.GetMigrations(),
            await second.Database.GetAppliedMigrationsAsync(cancellationToken));
    }

    private static async Task<long> ScalarAsync(TestDatabase database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
