using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareFlow.IntegrationTests.Fuzz;

/// <summary>
/// The embedded default (SQLite, in-memory Hangfire, .eml outbox) in a fresh data folder, with the care test's API key
/// and no demo data: the SQLite twin of <see cref="Care.CareAppFixture"/> for tests that must hold on both providers.
/// </summary>
public sealed class SqliteCareAppFixture : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "careflow-fuzz-sqlite-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("CareFlow:DataDirectory", _dataDirectory);
        builder.UseSetting("CareFlow:ApiKeys:0", Care.CareAppFixture.ApiKey);
        builder.UseSetting("CareFlow:DemoData", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
