using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CareFlow.Core.Care.Stages;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace CareFlow.IntegrationTests.Care;

/// <summary>The app on the real PostgreSQL with a fake clock and an API key; data is reset before each test.</summary>
public sealed class CareAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ApiKey = "care-test-key";

    private readonly string _connectionString = CareTestEnvironment.PostgresConnectionString();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "careflow-care-tests-" + Guid.NewGuid().ToString("N"));
    private Respawner? _respawner;

    /// <summary>Starts on the next Monday 09:00 UTC after the real time, so Hangfire never fires a fake-time timer early.</summary>
    public FakeTimeProvider Clock { get; } = new(NextMonday());

    public async ValueTask InitializeAsync()
    {
        await CareTestEnvironment.EnsureDatabaseAsync(CancellationToken.None);
        _ = Server; // starts the host: migrations, provisioning
        await EnsureWorkflowsPublishedAsync();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres, SchemasToInclude = ["careflow", "workflows"],
            TablesToIgnore = [new Table("workflows", "definitions"), new Table("careflow", "__ef_migrations_history"), new Table("careflow", "data_protection_keys")],
        });
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    public HttpClient Api()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        return client;
    }

    /// <summary>Resumes every timer bookmark that is due on the fake clock, until none is (what Hangfire would do).</summary>
    public async Task<int> RunDueTimersAsync()
    {
        var fired = 0;
        while (true)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
            var now = Clock.GetUtcNow();
            var due = await db.Set<BookmarkRecord>().AsNoTracking().Where(b => b.ResumeAt != null && b.ResumeAt <= now).OrderBy(b => b.ResumeAt).FirstOrDefaultAsync();
            if (due is null) return fired;
            await scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>().ResumeAsync(due.InstanceId, due.Id, null);
            fired++;
        }
    }

    /// <summary>Advances the fake clock and fires what became due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await RunDueTimersAsync();
    }

    public async Task HandOverAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IStageHandOver>().ProcessPendingAsync();
    }

    public async Task<T> WithDbAsync<T>(Func<CareFlowDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CareFlowDbContext>());
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:CareFlow", _connectionString);
        builder.UseSetting("CareFlow:DataDirectory", _dataDirectory);
        builder.UseSetting("CareFlow:ApiKeys:0", ApiKey);
        builder.UseSetting("CareFlow:DemoData", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>The provisioner publishes workflows/*.json at start-up; publish here too in case it skipped one.</summary>
    private async Task EnsureWorkflowsPublishedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        foreach (var id in StageWorkflows.All)
        {
            if (await definitions.GetAsync(id, VersionOptions.Published) is not null) continue;
            var json = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(WorkflowFile(id)))!;
            var result = await definitions.SaveAsync(json, publish: true, new ValidationOptions());
            _ = result;
        }
    }

    private static string WorkflowFile(string id)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "workflows"))) directory = directory.Parent;
        return Path.Combine(directory!.FullName, "workflows", id + ".json");
    }

    private static DateTimeOffset NextMonday()
    {
        var today = DateTimeOffset.UtcNow.Date.AddDays(1);
        while (today.DayOfWeek != DayOfWeek.Monday) today = today.AddDays(1);
        return new DateTimeOffset(today.AddHours(9), TimeSpan.Zero);
    }
}
