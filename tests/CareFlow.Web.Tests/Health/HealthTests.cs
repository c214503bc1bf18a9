using System.Net;
using System.Text.Json;

namespace CareFlow.Web.Tests.Health;

public sealed class HealthTests(CareFlowApp<CareFlowAppOptions> factory) : IClassFixture<CareFlowApp<CareFlowAppOptions>>
{
    [Fact]
    public async Task Health_Returns200WithEveryDependency_OnTheEmbeddedDefault()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = body.RootElement;
        Assert.Equal("Healthy", root.GetProperty("status").GetString());
        var entries = root.GetProperty("entries");
        Assert.Equal("sqlite", entries.GetProperty("database").GetProperty("description").GetString());
        Assert.Equal("in-memory", entries.GetProperty("hangfire").GetProperty("description").GetString());
        Assert.Equal($"outbox folder {Path.Combine(factory.DataDirectory, "outbox")}", entries.GetProperty("email").GetProperty("description").GetString());
        Assert.All(entries.EnumerateObject(), e => Assert.Equal("Healthy", e.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Startup_CreatesTheDatabaseAndOutbox_UnderTheDataDirectory()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "careflow.db")), "careflow.db is missing");
        Assert.True(Directory.Exists(Path.Combine(factory.DataDirectory, "outbox")), "outbox/ is missing");
    }
}
