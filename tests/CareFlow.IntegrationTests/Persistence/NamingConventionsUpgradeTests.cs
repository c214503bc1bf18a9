using System.Data.Common;
using CareFlow.Core.Care.Clients;
using CareFlow.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareFlow.IntegrationTests.Persistence;

/// <summary>
/// A database created before EFCore.NamingConventions (keys, foreign keys and indexes named PK_/FK_/IX_) upgrades to
/// the latest migration with every row intact, its constraints renamed, and the audit log still append-only. The
/// rows are written with SQL against the old schema, not through today's model.
/// </summary>
public class NamingConventionsUpgradeTests
{
    private const string UpgradeMigration = "NamingConventions";

    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);
    private static readonly Guid ClientId = Guid.Parse("6f1c3a52-64a4-4a5e-9d8e-0c1c8f7d2a11");
    private static readonly Guid CaseId = Guid.Parse("b9d4e7a0-2f51-4c38-8a6b-54e0d9c7f302");
    private static readonly Guid ReferralId = Guid.Parse("1e7a9c44-0b3d-4f6e-a2c5-9d8b7e6f5a43");
    private static readonly Guid ConsentId = Guid.Parse("c3b2a190-8f7e-4d6c-b5a4-938271605f54");
    private static readonly Guid OutboxId = Guid.Parse("7d6c5b4a-3928-4170-8f9e-0d1c2b3a4e65");

    [Fact]
    public async Task Postgres_DatabaseAtThePreviousMigration_UpgradesWithoutDataLoss()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync("upgrade", cancellationToken);

        await UpgradeAndCheckAsync(new Provider(
            () => PostgresCareFlowDbContext.Create(database.ConnectionString),
            (schema, table) => $"{schema}.{table}",
            value => value,
            "SELECT count(*) FROM pg_constraint WHERE conname = @name",
            "SELECT count(*) FROM pg_indexes WHERE indexname = @name"), cancellationToken);
    }

    [Fact]
    public async Task Sqlite_DatabaseAtThePreviousMigration_UpgradesWithoutDataLoss()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var file = Path.Combine(Path.GetTempPath(), $"careflow-upgrade-{Guid.NewGuid():N}.db");
        try
        {
            await UpgradeAndCheckAsync(new Provider(
                () => SqliteCareFlowDbContext.Create(file),
                (_, table) => table,
                // As the SQLite model stores them: GUIDs as upper-case text, times as UTC ticks, dates as ISO text.
                value => value switch
                {
                    Guid guid => guid.ToString().ToUpperInvariant(),
                    DateTimeOffset time => time.UtcTicks,
                    DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    _ => value,
                },
                // SQLite keeps constraint names only in the table's CREATE statement.
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND instr(sql, 'CONSTRAINT \"' || @name || '\"') > 0",
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = @name"), cancellationToken);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task UpgradeAndCheckAsync(Provider provider, CancellationToken cancellationToken)
    {
        var rows = Rows();
        await using (var db = provider.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var upgrade = migrations.FindIndex(id => id.EndsWith("_" + UpgradeMigration, StringComparison.Ordinal));
            Assert.True(upgrade > 0, $"no migration named {UpgradeMigration} after an earlier one");
            await db.GetService<IMigrator>().MigrateAsync(migrations[upgrade - 1], cancellationToken);
            Assert.Equal(1L, await ScalarAsync(db, provider.ConstraintCount, cancellationToken, ("name", "PK_clients")));

            foreach (var row in rows)
            {
                var columns = string.Join(", ", row.Values.Select(v => $"\"{v.Column}\""));
                var parameters = string.Join(", ", row.Values.Select((_, i) => $"@p{i}"));
                await ExecuteAsync(db, $"INSERT INTO {provider.Table(row.Schema, row.Table)} ({columns}) VALUES ({parameters})",
                    cancellationToken, row.Values.Select((v, i) => ($"p{i}", provider.Value(v.Value))).ToArray());
            }
        }

        await using (var db = provider.CreateContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(cancellationToken));

            // Every value of every row is still there, under the same table and column names.
            foreach (var row in rows)
            {
                var where = string.Join(" AND ", row.Values.Select((v, i) => $"\"{v.Column}\" = @p{i}"));
                var found = await ScalarAsync(db, $"SELECT count(*) FROM {provider.Table(row.Schema, row.Table)} WHERE {where}",
                    cancellationToken, row.Values.Select((v, i) => ($"p{i}", provider.Value(v.Value))).ToArray());
                Assert.True(found == 1, $"{row.Table}: the row written before the upgrade is gone or changed");
            }

            // Today's model reads the old rows.
            var client = await db.Set<Client>().AsNoTracking().SingleAsync(c => c.Id == ClientId, cancellationToken);
            Assert.Equal(("Rosa", "Diaz", new DateOnly(1990, 5, 1), Monday), (client.GivenName, client.FamilyName, client.DateOfBirth, client.CreatedAt));

            // Keys, foreign keys and indexes carry the new names; the old ones are gone.
            foreach (var (name, expected) in new[] { ("pk_clients", 1L), ("PK_clients", 0L), ("fk_cases_client_client_id", 1L), ("FK_cases_clients_client_id", 0L), ("fk_user_roles_users_user_id", 1L) })
            {
                Assert.True(expected == await ScalarAsync(db, provider.ConstraintCount, cancellationToken, ("name", name)), $"constraint {name}: expected {expected}");
            }

            Assert.Equal(1L, await ScalarAsync(db, provider.IndexCount, cancellationToken, ("name", "ix_cases_client_id")));
            Assert.Equal(0L, await ScalarAsync(db, provider.IndexCount, cancellationToken, ("name", "IX_cases_client_id")));

            // The foreign keys still hold, and the audit log is still append-only.
            await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(db,
                $"DELETE FROM {provider.Table("careflow", "clients")} WHERE \"id\" = @id", cancellationToken, ("id", provider.Value(ClientId))));
            await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(db,
                $"DELETE FROM {provider.Table("careflow", "audit_entries")}", cancellationToken));
            await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(db,
                $"UPDATE {provider.Table("careflow", "audit_entries")} SET \"actor\" = 'someone else'", cancellationToken));
            Assert.Equal(1L, await ScalarAsync(db, $"SELECT count(*) FROM {provider.Table("careflow", "audit_entries")}", cancellationToken));
        }
    }

    /// <summary>A client with a case and a referral, a waiting workflow instance, a queued email, an audit entry, a user in a role.</summary>
    private static List<Row> Rows() =>
    [
        new("careflow", "clients",
        [
            ("id", ClientId), ("given_name", "Rosa"), ("family_name", "Diaz"), ("normalized_name", "rosa diaz"),
            ("date_of_birth", new DateOnly(1990, 5, 1)), ("phone", "555-123-4567"), ("normalized_phone", "5551234567"),
            ("do_not_contact", false), ("created_at", Monday),
        ]),
        new("careflow", "cases",
        [
            ("id", CaseId), ("client_id", ClientId), ("coordinator_id", "demo.coordinator"), ("coordinator_name", "Demo Coordinator"),
            ("stage", "Referral"), ("status", "Open"), ("opened_at", Monday),
        ]),
        new("careflow", "referrals",
        [
            ("id", ReferralId), ("reference", "REF-2026-0001"), ("case_id", CaseId), ("client_id", ClientId), ("category", "housing"),
            ("service_id", "demo-rapid-rehousing"), ("organization_id", "demo-harbor"), ("consent_id", ConsentId),
            ("do_not_contact_client", false), ("requested_at", Monday), ("response_due_at", Monday.AddDays(2)),
            ("status", "Requested"), ("last_modified_at", Monday),
        ]),
        new("workflows", "instances",
        [
            ("id", "wf-upgrade-1"), ("definition_id", "careflow-referral"), ("definition_version_id", "careflow-referral:3"),
            ("version", 3), ("status", "Running"), ("sub_status", "Suspended"), ("correlation_id", CaseId.ToString()),
            ("incident_count", 0), ("created_at", Monday), ("updated_at", Monday.AddMinutes(5)), ("row_version", 7L),
            ("state", """{"variables":{"referralId":"1e7a9c44-0b3d-4f6e-a2c5-9d8b7e6f5a43"}}"""),
        ]),
        new("careflow", "outbox_messages",
        [
            ("id", OutboxId), ("key", "referral-request:" + ReferralId), ("message_id", "<upgrade-1@careflow.example>"),
            ("template", "referral-request"), ("from", "referrals@careflow.example"), ("to", "intake@harbor.example"),
            ("subject", "New referral REF-2026-0001"), ("text_body", "A referral is waiting for your answer."),
            ("workflow_instance_id", "wf-upgrade-1"), ("status", "Pending"), ("attempts", 0), ("created_at", Monday),
            ("next_attempt_at", Monday), ("send_after", Monday.AddHours(1)),
        ]),
        new("careflow", "audit_entries",
        [
            ("at", Monday), ("actor", "demo.coordinator"), ("action", "read"), ("target_type", "case"), ("target_id", CaseId.ToString()),
            ("route", "/api/cases/{id}"), ("method", "GET"), ("status", 200),
        ]),
        new("careflow", "users",
        [
            ("id", "user-1"), ("user_name", "demo.coordinator"), ("normalized_user_name", "DEMO.COORDINATOR"), ("email_confirmed", false),
            ("phone_number_confirmed", false), ("two_factor_enabled", false), ("lockout_enabled", true), ("access_failed_count", 0),
        ]),
        new("careflow", "roles", [("id", "role-1"), ("name", "coordinator"), ("normalized_name", "COORDINATOR")]),
        new("careflow", "user_roles", [("user_id", "user-1"), ("role_id", "role-1")]),
    ];

    private static async Task ExecuteAsync(DbContext db, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = await CommandAsync(db, sql, parameters, cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(DbContext db, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = await CommandAsync(db, sql, parameters, cancellationToken);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<DbCommand> CommandAsync(DbContext db, string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private sealed record Row(string Schema, string Table, IReadOnlyList<(string Column, object Value)> Values);

    private sealed record Provider(
        Func<CareFlowDbContext> CreateContext,
        Func<string, string, string> Table,
        Func<object, object> Value,
        string ConstraintCount,
        string IndexCount);
}
