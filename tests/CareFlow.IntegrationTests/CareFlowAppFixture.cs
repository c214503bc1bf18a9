using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace CareFlow.IntegrationTests;

/// <summary>
/// The production shape of CareFlow: PostgreSQL (a fresh database) and SMTP to the test server. Shared by every test
/// in [Collection(AppCollectionDefinition.Name)]; tests call <see cref="ResetDatabaseAsync"/> first, so a failure leaves its
/// rows to inspect.
/// </summary>
public sealed class CareFlowAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private PostgresDatabase? _database;
    private Respawner? _respawner;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "careflow-it", Guid.NewGuid().ToString("N"));

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await TestEnvironment.RequireSmtpAsync(cancellationToken);
        _database = await PostgresDatabase.CreateAsync("app", cancellationToken);
        using var client = CreateClient(); // starts the host, which migrates the database
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:CareFlow", ConnectionString);
        builder.UseSetting("CareFlow:DataDirectory", DataDirectory);
        builder.UseSetting("Smtp:Host", TestEnvironment.SmtpHost);
        builder.UseSetting("Smtp:Port", TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:From", "CareFlow <careflow@careflow.test>");
        builder.UseSetting("Smtp:UseStartTls", "false");
        builder.UseSetting("Email:PublicBaseUrl", "http://careflow.test");
    }

    /// <summary>Empties the careflow and workflows schemas (not the migration history or keys, not Hangfire's schema).</summary>
    public async Task ResetDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (!await HasTablesToResetAsync(connection, cancellationToken))
        {
            return; // Respawn refuses an empty table list; until domain tables exist there is nothing to reset.
        }

        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["careflow", "workflows"],
            // The running host caches its data-protection key ring; wiping the keys would leave it out of step.
            TablesToIgnore = [new Table("careflow", "__ef_migrations_history"), new Table("careflow", "data_protection_keys")],
        });
        await _respawner.ResetAsync(connection);
    }

    private static async Task<bool> HasTablesToResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('careflow', 'workflows') " +
            "AND table_name NOT IN ('__ef_migrations_history', 'data_protection_keys')", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
