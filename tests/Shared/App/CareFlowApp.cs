using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CareFlow.Core.Care;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace CareFlow.Testing;

/// <summary>Builds a <see cref="CareFlowApp{TOptions}"/> from options a test made (a given data folder or database, say).</summary>
public static class CareFlowApp
{
    public static CareFlowApp<TOptions> Create<TOptions>(TOptions options)
        where TOptions : CareFlowAppOptions, new() => new(options);
}

/// <summary>
/// The one in-process CareFlow host of the test suites, configured by <typeparamref name="TOptions"/>: embedded
/// (SQLite) or PostgreSQL with SMTP to the rig, configured users, workflow files, a fake clock, an API key, the
/// in-memory test server or a real Kestrel port. As an xunit fixture it starts the host before the first test; built
/// with <see cref="CareFlowApp.Create"/> for a single test it starts on first use.
/// </summary>
public sealed class CareFlowApp<TOptions> : WebApplicationFactory<Program>, IAsyncLifetime
    where TOptions : CareFlowAppOptions, new()
{
    private readonly bool _ownsDataDirectory;
    private readonly FakeTimeProvider? _clock;
    private TestDatabase? _database;
    private Respawner? _respawner;

    /// <summary>The fixture constructor: options from <typeparamref name="TOptions"/>'s own constructor.</summary>
    public CareFlowApp()
        : this(new TOptions())
    {
    }

    internal CareFlowApp(TOptions options)
    {
        Options = options;
        _ownsDataDirectory = options.DataDirectory is null;
        DataDirectory = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), options.DataDirectoryPrefix, Guid.NewGuid().ToString("N"));
        if (options.ClockStart is { } start)
            _clock = new FakeTimeProvider(start);
    }

    public TOptions Options { get; }

    public string DataDirectory { get; }

    /// <summary>The app's clock; only when <see cref="CareFlowAppOptions.ClockStart"/> is set.</summary>
    public FakeTimeProvider Clock => _clock ?? throw new InvalidOperationException($"{typeof(TOptions).Name} sets no ClockStart: the app runs on the real clock.");

    /// <summary>The app's PostgreSQL connection string (not for the embedded database).</summary>
    public string ConnectionString => Options.ConnectionString ?? _database?.ConnectionString
        ?? throw new InvalidOperationException("The app is not on PostgreSQL, or not initialized.");

    /// <summary>The folder where the SMTP test server writes each received message (with <see cref="CareFlowAppOptions.UseSmtp"/>).</summary>
    public string SmtpDump { get; private set; } = "";

    /// <summary>The listener's address (with <see cref="CareFlowAppOptions.RealPort"/>).</summary>
    public Uri BaseAddress { get; private set; } = new("http://localhost");

    /// <summary>Prepares the database and the SMTP server, then starts the host (which migrates the database).</summary>
    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        if (Options.UseSmtp)
            SmtpDump = await TestEnvironment.RequireSmtpAsync(cancellationToken);
        if (Options.ConnectionString is null)
        {
            _database = Options.Database switch
            {
                AppDatabase.FreshPostgres => await TestDatabase.CreateAsync(Options.DatabaseName, cancellationToken),
                AppDatabase.NamedPostgres => await TestDatabase.OpenNamedAsync(Options.DatabaseName, cancellationToken),
                _ => null,
            };
        }

        if (Options.RealPort)
        {
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            StartServer();
            BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
        else
        {
            _ = Server;
        }

        await Options.OnStartedAsync(Services, cancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Options.Environment is { } environment)
            builder.UseEnvironment(environment);
        builder.UseSetting("CareFlow:DataDirectory", DataDirectory);
        if ((Options.ConnectionString ?? _database?.ConnectionString) is { } connectionString)
            builder.UseSetting("ConnectionStrings:CareFlow", connectionString);
        switch (Options.Workflows)
        {
            case WorkflowFiles.None:
                builder.UseSetting("CareFlow:WorkflowsDirectory", Path.Combine(DataDirectory, "no-workflows"));
                break;
            case WorkflowFiles.Repository:
                builder.UseSetting("CareFlow:WorkflowsDirectory", RepositoryRoot.Combine("workflows"));
                break;
        }

        if (Options.ConfiguredApiKey is not null)
            builder.UseSetting("CareFlow:ApiKeys:0", Options.ConfiguredApiKey);
        if (Options.DemoData is { } demoData)
            builder.UseSetting("CareFlow:DemoData", demoData ? "true" : "false");
        if (Options.Users.Count > 0)
        {
            var hash = PasswordHashing.Hash(Options.UserPassword);
            for (var i = 0; i < Options.Users.Count; i++)
            {
                builder.UseSetting($"CareFlow:Users:{i}:UserName", Options.Users[i].UserName);
                builder.UseSetting($"CareFlow:Users:{i}:PasswordHash", hash);
                builder.UseSetting($"CareFlow:Users:{i}:Roles:0", Options.Users[i].Role);
            }
        }

        if (Options.UseSmtp)
        {
            builder.UseSetting("Smtp:Host", TestEnvironment.SmtpHost);
            builder.UseSetting("Smtp:Port", TestEnvironment.SmtpPort.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:From", Options.SmtpFrom);
            builder.UseSetting("Smtp:UseStartTls", "false");
        }

        foreach (var (key, value) in Options.Settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            if (_clock is not null)
                services.AddSingleton<TimeProvider>(_clock);
            Options.ConfigureServices(services);
        });
    }

    /// <summary>A client without a session that keeps cookies and does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client authenticated with the configured API key.</summary>
    public HttpClient CreateApiClient(bool followRedirects = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey",
            Options.ConfiguredApiKey ?? throw new InvalidOperationException($"{typeof(TOptions).Name} configures no API key."));
        return client;
    }

    /// <summary>A client holding <paramref name="userName"/>'s session cookie, signed in through the real form.</summary>
    public async Task<HttpClient> SignInAsync(string userName, CancellationToken cancellationToken, string? password = null)
    {
        var client = Anonymous();
        await Forms.SignInAsync(client, userName, password ?? Options.UserPassword, Options.SignInReturnUrl, cancellationToken);
        return client;
    }

    /// <summary>Runs <paramref name="work"/> with a fresh scope's services.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="query"/> with a fresh scope's database context (the app's own registration).</summary>
    public Task<T> WithDbAsync<T>(Func<CareFlowDbContext, Task<T>> query) =>
        WithServicesAsync(services => query(services.GetRequiredService<CareFlowDbContext>()));

    /// <summary>Runs <paramref name="work"/> with a fresh scope's services and database context.</summary>
    public Task<T> WithDbAsync<T>(Func<IServiceProvider, CareFlowDbContext, Task<T>> work) =>
        WithServicesAsync(services => work(services, services.GetRequiredService<CareFlowDbContext>()));

    /// <summary>Runs <paramref name="seed"/> in a scope of the app and commits through <see cref="ICareData"/>, the app's unit of work.</summary>
    public async Task SeedAsync(Action<ICareData> seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seed);
        await using var scope = Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<ICareData>();
        seed(data);
        await data.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Counts rows of one entity type in the app's database.</summary>
    public async Task<int> CountAsync<T>(Func<IQueryable<T>, IQueryable<T>>? filter = null)
        where T : class
    {
        await using var scope = Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<ICareData>();
        var query = data.Query<T>();
        return await data.CountAsync(filter is null ? query : filter(query));
    }

    /// <summary>
    /// Empties the careflow and workflows schemas on PostgreSQL, keeping the migration history, the data-protection keys
    /// (the running host caches its key ring) and <see cref="CareFlowAppOptions.TablesKeptOnReset"/>.
    /// </summary>
    public async Task ResetDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (_respawner is null)
        {
            if (!await HasTablesToResetAsync(connection, cancellationToken))
                return; // Respawn refuses an empty table list.
            _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = ["careflow", "workflows"],
                TablesToIgnore = [new Table("careflow", "__ef_migrations_history"), new Table("careflow", "data_protection_keys"),
                    .. Options.TablesKeptOnReset.Select(t => new Table(t.Schema, t.Table))],
            });
        }

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
            await _database.DisposeAsync();
        if (Options is IDisposable disposable)
            disposable.Dispose();
        if (_ownsDataDirectory && Environment.GetEnvironmentVariable("CAREFLOW_TEST_KEEP_DATA") is null)
        {
            try
            {
                if (Directory.Exists(DataDirectory))
                    Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a host that is shutting down; the temp folder is cleaned by the OS.
            }
        }
    }
}
