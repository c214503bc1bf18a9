using System.Globalization;
using CareFlow.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Respawn;
using Respawn.Graph;

// The SMTP test server is one process for the whole run; tests that switch its mode must not overlap with others.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CareFlow.IntegrationTests.Email;

/// <summary>
/// CareFlow on PostgreSQL (a fresh database) with SMTP to the test server and the test retry profile
/// (1 s × 2ⁿ capped at 60 s, one-second sweep). Tests call <see cref="ResetAsync"/> first.
/// </summary>
public sealed class EmailAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PublicBaseUrl = "http://careflow.test";

    private PostgresDatabase? _database;
    private Respawner? _respawner;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "careflow-email-it", Guid.NewGuid().ToString("N"));

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("The fixture is not initialized.");

    public string Dump { get; private set; } = "";

    public SmtpControl Smtp { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Dump = await TestEnvironment.RequireSmtpAsync(cancellationToken);
        _database = await PostgresDatabase.CreateAsync("email", cancellationToken);
        using var client = CreateClient();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ApplySettings(builder, ConnectionString, DataDirectory);
        builder.UseSetting("CareFlow:Users:0:UserName", AdminUser);
        builder.UseSetting("CareFlow:Users:0:PasswordHash", CareFlow.Web.Security.PasswordHashing.Hash(AdminPassword));
        builder.UseSetting("CareFlow:Users:0:Roles:0", CareFlow.Web.Security.CareFlowRoles.Admin);
    }

    /// <summary>The email hosts' settings: PostgreSQL, SMTP to the test server, the test retry profile, reminders.</summary>
    public static void ApplySettings(IWebHostBuilder builder, string connectionString, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ConnectionStrings:CareFlow", connectionString);
        builder.UseSetting("CareFlow:DataDirectory", dataDirectory);
        builder.UseSetting("Smtp:Host", TestEnvironment.SmtpHost);
        builder.UseSetting("Smtp:Port", TestEnvironment.SmtpPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:From", "Referrals <referrals@careflow.test>");
        builder.UseSetting("Smtp:UseStartTls", "false");
        builder.UseSetting("Smtp:Timeout", "00:00:05");
        builder.UseSetting("Email:OrganizationName", "Northside Care Coordination");
        builder.UseSetting("Email:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Outbox:RetryBaseDelay", "00:00:01");
        builder.UseSetting("Outbox:RetryMaxDelay", "00:01:00");
        builder.UseSetting("Outbox:SweepInterval", "00:00:01");
        builder.UseSetting("ProviderLinks:RequestsPerMinute", "1000");
        ApplyReminderSettings(builder);
    }

    public const string AdminUser = "ada";
    public const string AdminPassword = "email-tests-admin-password";
    public const string CoordinatorAddress = "casey@careflow.test";

    /// <summary>Coordinator "casey" (ReferralFixture's cases) has an address; task reminders 2 s before the due time.</summary>
    public static void ApplyReminderSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Email:CoordinatorAddresses:casey", CoordinatorAddress);
        builder.UseSetting("Reminders:TaskDueLead", "00:00:02");
        builder.UseSetting("Reminders:CheckInLead", "00:00:00");
    }

    /// <summary>A client holding the admin's session cookie, signed in through the real form.</summary>
    public async Task<HttpClient> SignInAdminAsync(CancellationToken cancellationToken)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative), cancellationToken);
        var token = AntiforgeryField.Find(form);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Name] = token.Value, ["userName"] = AdminUser, ["password"] = AdminPassword, ["returnUrl"] = "/admin/outbox",
        });
        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), content, cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {response.StatusCode}.");
        return client;
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await Smtp.ResetAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["careflow", "workflows"],
            TablesToIgnore = [new Table("careflow", "__ef_migrations_history"), new Table("careflow", "data_protection_keys")],
        });
        await _respawner.ResetAsync(connection);
        // The reset empties the accounts too: provision the configured ones (the admin) again, as start-up does.
        var provisioner = Services.GetServices<IHostedService>().OfType<CareFlow.Web.Security.ConfiguredUserProvisioner>().Single();
        await provisioner.StartingAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> with a fresh scope's database context (the app's own registration).</summary>
    public async Task<T> WithDbAsync<T>(Func<IServiceProvider, CareFlowDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<CareFlowDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        Smtp.Dispose();
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }
}
