using System.Net;
using System.Text.Json.Nodes;
using CareFlow.IntegrationTests.Care;
using Json.Schema;

namespace CareFlow.IntegrationTests.Fuzz;

/// <summary>The served OpenAPI document states what the care API does: its routes only, its statuses, its enums.</summary>
[Collection("care")]
public sealed class OpenApiContractTests(CareFlowApp<CareApp> app) : IAsyncLifetime
{
    private readonly CareApiClient _api = new(app.Api());

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Document_ListsOnlyTheCareApi_NotProviderPagesOrAdminRoutes()
    {
        var paths = ((JsonObject)(await _api.GetAsync("/openapi/v1.json"))["paths"]!).Select(p => p.Key).ToList();
        Assert.Contains("/api/clients/intake", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Document_ListsRefusals_OnEveryOperation()
    {
        var contract = new ApiContract((JsonObject)await _api.GetAsync("/openapi/v1.json"));
        Assert.All(contract.Operations("/api/"), operation =>
        {
            Assert.True(operation.Responses.ContainsKey("400"), $"{operation} does not list 400.");
            if (operation.Parameters.Any(p => p.In == "path"))
                Assert.True(operation.Responses.ContainsKey("404"), $"{operation} does not list 404.");
        });
    }

    [Fact]
    public async Task Document_SchemasAreValidJsonSchema()
    {
        var contract = new ApiContract((JsonObject)await _api.GetAsync("/openapi/v1.json"));
        var failures = new List<string>();
        foreach (var (name, _) in contract.Schemas)
        {
            var root = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$ref"] = "#/$defs/" + name, ["$defs"] = contract.Schemas.DeepClone(),
            };
            try
            {
                JsonSchema.FromText(root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal), (BuildOptions?)null,
                    new Uri($"https://careflow.test/openapi/{Guid.NewGuid():N}"));
            }
            catch (Exception ex) when (ex is JsonSchemaException or System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
            {
                failures.Add($"{name}: {ex.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/api/cases?stage=-1", "stage")]
    [InlineData("/api/cases?status=99", "status")]
    [InlineData("/api/tasks?status=7", "status")]
    [InlineData("/api/barriers?category=1", "category")]
    [InlineData("/api/cases?stage=Intake,Referral", "stage")]
    public async Task UndefinedEnumInQuery_Returns400NamingIt(string path, string field)
    {
        using var response = await _api.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {text}");
        Assert.NotNull(JsonNode.Parse(text)!["errors"]![field]);
    }

    [Theory]
    [InlineData("""{"status":99}""")]
    [InlineData("""{"status":1}""")]
    [InlineData("""{"status":"Accepted","reason":-1}""")]
    public async Task NumericEnumInBody_Returns400(string body)
    {
        var (status, _) = await _api.PostRawAsync($"/api/referrals/{Guid.NewGuid()}/status", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
