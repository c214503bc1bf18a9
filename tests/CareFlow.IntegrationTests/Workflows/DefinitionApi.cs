using System.Net.Http.Headers;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Infrastructure.Workflows;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// CareFlow with an API key for <c>/elsa/api</c>, on SQLite (the embedded default) or on a fresh PostgreSQL database
/// (see the two options below); no workflows folder, so the definitions table holds only what a test saved.
/// </summary>
public static class DefinitionApi
{
    public const string ApiKey = "hostile-definition-tests-key";

    /// <summary>The options both hosts share.</summary>
    public static void Configure(CareFlowAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DataDirectoryPrefix = "careflow-it-defs";
        options.Workflows = WorkflowFiles.None;
        options.ConfiguredApiKey = ApiKey;
    }

    /// <summary>A client of the definition API with the key (redirects not followed).</summary>
    public static HttpClient CreateClient(WebApplicationFactory<Program> host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        return client;
    }

    /// <summary>Rows in the workflow definitions table.</summary>
    public static async Task<int> CountDefinitionRowsAsync(this WebApplicationFactory<Program> host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
        return await db.Set<WorkflowDefinitionRecord>().CountAsync(cancellationToken);
    }

    /// <summary>Every stored definition row as text, to show that a refused request changed nothing.</summary>
    public static async Task<string> SnapshotDefinitionRowsAsync(this WebApplicationFactory<Program> host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
        var rows = await db.Set<WorkflowDefinitionRecord>().AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return string.Join("\n", rows.Select(r => System.Text.Json.JsonSerializer.Serialize(r)));
    }
}

/// <summary>The definition API on SQLite.</summary>
public sealed class SqliteDefinitionApi : CareFlowAppOptions
{
    public SqliteDefinitionApi() => DefinitionApi.Configure(this);
}

/// <summary>The definition API on PostgreSQL.</summary>
public sealed class PostgresDefinitionApi : CareFlowAppOptions
{
    public PostgresDefinitionApi()
    {
        DefinitionApi.Configure(this);
        Database = AppDatabase.FreshPostgres;
        DatabaseName = "defs";
    }
}
