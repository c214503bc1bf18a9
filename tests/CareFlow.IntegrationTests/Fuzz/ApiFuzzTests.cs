using CareFlow.IntegrationTests.Care;

namespace CareFlow.IntegrationTests.Fuzz;

/// <summary>The OpenAPI-driven fuzz of <c>/api</c> on PostgreSQL (the care fixture).</summary>
[Collection("care")]
public sealed class ApiFuzzPostgresTests(CareFlowApp<CareApp> app, ITestOutputHelper output) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task EveryApiOperation_HoldsItsContract_UnderGeneratedInput_OnPostgres() => await new ApiFuzz(app, output).RunAsync();
}

/// <summary>The OpenAPI-driven fuzz of <c>/api</c> on the embedded default (SQLite).</summary>
public sealed class ApiFuzzSqliteTests(CareFlowApp<SqliteCareApp> app, ITestOutputHelper output) : IClassFixture<CareFlowApp<SqliteCareApp>>
{
    [Fact]
    public async Task EveryApiOperation_HoldsItsContract_UnderGeneratedInput_OnSqlite() => await new ApiFuzz(app, output).RunAsync();
}
