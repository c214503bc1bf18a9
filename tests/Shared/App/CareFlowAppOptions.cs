using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Testing;

/// <summary>Where a test app keeps its data.</summary>
public enum AppDatabase
{
    /// <summary>The embedded default: SQLite and in-memory Hangfire in the data folder, emails as .eml files.</summary>
    Embedded,

    /// <summary>A fresh PostgreSQL database of its own, dropped when the app is disposed.</summary>
    FreshPostgres,

    /// <summary>The PostgreSQL database <see cref="CareFlowAppOptions.DatabaseName"/>, created when missing and kept.</summary>
    NamedPostgres,
}

/// <summary>Which workflow files the app provisions at start-up.</summary>
public enum WorkflowFiles
{
    /// <summary>The host's default (nothing configured).</summary>
    Default,

    /// <summary>An empty folder: the definitions table holds only what a test saves.</summary>
    None,

    /// <summary>The repository's workflows/ folder.</summary>
    Repository,
}

/// <summary>A configured account: signs in through the real form with <see cref="CareFlowAppOptions.UserPassword"/>.</summary>
public sealed record AppUser(string UserName, string Role);

/// <summary>
/// What one <see cref="CareFlowApp{TOptions}"/> runs with: database, SMTP, users, workflow files, clock, API key and
/// extra settings. A suite derives its own options (with its user names and constants) and uses
/// <c>CareFlowApp&lt;ItsOptions&gt;</c> as its fixture.
/// </summary>
public class CareFlowAppOptions
{
    public AppDatabase Database { get; set; } = AppDatabase.Embedded;

    /// <summary>Names the fresh database (<see cref="AppDatabase.FreshPostgres"/>) or is the database (<see cref="AppDatabase.NamedPostgres"/>).</summary>
    public string DatabaseName { get; set; } = "app";

    /// <summary>A database the test made itself; wins over <see cref="Database"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The data folder; null for a fresh temporary one, deleted when the app is disposed.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Prefix of the temporary data folder's name.</summary>
    public string DataDirectoryPrefix { get; set; } = "careflow-tests";

    /// <summary>SMTP to the rig's test server (fails fast when it is not running).</summary>
    public bool UseSmtp { get; set; }

    /// <summary>The From address of outgoing emails when <see cref="UseSmtp"/> is on.</summary>
    public string SmtpFrom { get; set; } = "CareFlow <careflow@careflow.test>";

    public IList<AppUser> Users { get; } = [];

    /// <summary>Every configured user's password.</summary>
    public string UserPassword { get; set; } = "careflow-tests-password";

    /// <summary>Where <see cref="CareFlowApp{TOptions}.SignInAsync"/> asks the sign-in form to return to.</summary>
    public string SignInReturnUrl { get; set; } = "/";

    public WorkflowFiles Workflows { get; set; } = WorkflowFiles.Default;

    /// <summary>When set, the app's <see cref="TimeProvider"/> is a fake clock starting here (<see cref="CareFlowApp{TOptions}.Clock"/>).</summary>
    public DateTimeOffset? ClockStart { get; set; }

    /// <summary>The API key accepted by the app (<see cref="CareFlowApp{TOptions}.CreateApiClient"/>).</summary>
    public string? ConfiguredApiKey { get; set; }

    /// <summary>CareFlow:DemoData; null leaves the host's default.</summary>
    public bool? DemoData { get; set; }

    /// <summary>The hosting environment; null leaves the factory's default (Development).</summary>
    public string? Environment { get; set; }

    /// <summary>Serve on a real Kestrel listener (127.0.0.1, free port) instead of the in-memory test server.</summary>
    public bool RealPort { get; set; }

    /// <summary>Tables (schema, table) that <see cref="CareFlowApp{TOptions}.ResetDatabaseAsync"/> keeps besides the migration history and the keys.</summary>
    public IList<(string Schema, string Table)> TablesKeptOnReset { get; } = [];

    /// <summary>Any other configuration, by key.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>Replaces app services for the test (after the app registered its own).</summary>
    public virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Runs once the host has started, before the first test.</summary>
    public virtual Task OnStartedAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Adds one user per (name, role) pair.</summary>
    public void AddUsers(params (string UserName, string Role)[] users)
    {
        foreach (var (userName, role) in users)
            Users.Add(new AppUser(userName, role));
    }
}
