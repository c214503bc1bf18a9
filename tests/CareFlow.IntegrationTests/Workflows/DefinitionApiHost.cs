using System.Net.Http.Headers;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Infrastructure.Workflows;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// CareFlow with an API key for <c>/elsa/api</c>, on SQLite (the embedded default, no connection string) or on a fresh
/// PostgreSQL database; no workflows folder, so the definitions table holds only what a test saved.
/// </summary>
public abstract class DefinitionApiHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ApiKey = "hostile-definition-tests-key";

    private PostgresDatabase? _database;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "careflow-it-defs", Guid.NewGuid().ToString("N"));

    protected abstract bool OnPostgres { get; }

    public async ValueTask InitializeAsync()
    {
        if (OnPostgres) _database = await PostgresDatabase.CreateAsync("defs", TestContext.Current.CancellationToken);
        using var client = CreateClient(); // starts the host, which migrates the database
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("CareFlow:DataDirectory", DataDirectory);
        builder.UseSetting("CareFlow:WorkflowsDirectory", Path.Combine(DataDirectory, "no-workflows"));
        builder.UseSetting("CareFlow:ApiKeys:0", ApiKey);
        if (_database is not null) builder.UseSetting("ConnectionStrings:CareFlow", _database.ConnectionString);
    }

    public HttpClient CreateApiClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        return client;
    }

    /// <summary>Rows in the workflow definitions table.</summary>
    public async Task<int> CountDefinitionRowsAsync(CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
        return await db.Set<WorkflowDefinitionRecord>().CountAsync(cancellationToken);
    }

    /// <summary>Every stored definition row as text, to show that a refused request changed nothing.</summary>
    public async Task<string> SnapshotDefinitionRowsAsync(CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
        var rows = await db.Set<WorkflowDefinitionRecord>().AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return string.Join("\n", rows.Select(r => System.Text.Json.JsonSerializer.Serialize(r)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The definition API on SQLite.</summary>
public sealed class SqliteDefinitionApiHost : DefinitionApiHost
{
    protected override bool OnPostgres => false;
}

/// <summary>The definition API on PostgreSQL.</summary>
public sealed class PostgresDefinitionApiHost : DefinitionApiHost
{
    protected override bool OnPostgres => true;
}
