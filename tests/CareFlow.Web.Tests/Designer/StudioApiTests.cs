using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CareFlow.Web.Tests.Designer;

public sealed class StudioApiTests(CareFlowApp<DesignerApp> app) : IClassFixture<CareFlowApp<DesignerApp>>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("ApiKey wrong-key")]
    public async Task ElsaApi_Returns401_WithoutSignInOrValidKey(string? authorization)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        if (authorization is not null)
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        using var get = await client.GetAsync("/elsa/api/descriptors/activities", Cancel);
        using var save = await client.PostAsync("/elsa/api/workflow-definitions", Json(new JsonObject { ["model"] = NewModel("x") }), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, save.StatusCode);
    }

    [Fact]
    public async Task DesignerPage_RedirectsToSignIn_WhenSignedOut()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/designer");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveSavePublishSave_KeepsOneDraft_ThenStartsVersion2()
    {
        using var client = app.CreateApiClient();
        var id = NewId();

        var v1 = await SaveAsync(client, NewModel(id), publish: false);
        var v1Again = await SaveAsync(client, WithText(v1, "again"), publish: false);
        var published = await SaveAsync(client, v1Again, publish: true);
        var v2 = await SaveAsync(client, WithText(published, "v2"), publish: false);

        Assert.Equal((string?)v1["id"], (string?)v1Again["id"]);
        Assert.Equal(1, (int)published["version"]!);
        Assert.True((bool)published["isPublished"]!);
        Assert.Equal(2, (int)v2["version"]!);
        Assert.False((bool)v2["isPublished"]!);
        var history = await client.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions?versionOptions=AllVersions&DefinitionIds={id}&OrderBy=Version&OrderDirection=Descending", Cancel);
        Assert.Equal(2, (int)history!["totalCount"]!);
        Assert.Equal([2, 1], history["items"]!.AsArray().Select(i => (int)i!["version"]!));
        Assert.Contains(history["links"]!.AsArray(), l => (string?)l!["rel"] == "bulk-publish");
    }

    [Fact]
    public async Task StaleSave_Returns409AndStoresNothing()
    {
        using var client = app.CreateApiClient();
        var id = NewId();
        var first = await SaveAsync(client, NewModel(id), publish: false);
        var second = await SaveAsync(client, WithText(first, "newer"), publish: false);

        using var stale = await client.PostAsync("/elsa/api/workflow-definitions",
            Json(new JsonObject { ["model"] = WithText(first, "stale"), ["publish"] = false }), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var stored = await client.GetStringAsync($"/elsa/api/workflow-definitions/by-definition-id/{id}", Cancel);
        Assert.Contains("newer", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("stale", stored, StringComparison.Ordinal);
        Assert.Equal((string?)second["id"], (string?)JsonNode.Parse(stored)!["id"]);
    }

    [Fact]
    public async Task BadSave_Returns400WithJsonPath_AndStoresNothing()
    {
        using var client = app.CreateApiClient();
        var id = NewId();
        var model = NewModel(id);
        model["root"]!["activities"]!.AsArray().Add(new JsonObject { ["id"] = "x1", ["type"] = "Acme.Unknown", ["version"] = 1 });

        using var response = await client.PostAsync("/elsa/api/workflow-definitions", Json(new JsonObject { ["model"] = model }), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.NotNull(problem["errors"]!["$.model.root.activities[1].type"]);
        var list = await client.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions?versionOptions=AllVersions&DefinitionIds={id}", Cancel);
        Assert.Equal(0, (int)list!["totalCount"]!);
    }

    [Theory]
    [InlineData("{not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[1,2]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"model\":42}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{}", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task MalformedSave_Returns4xxProblem(string body, string contentType, HttpStatusCode expected)
    {
        using var client = app.CreateApiClient();
        using var response = await client.PostAsync("/elsa/api/workflow-definitions", new StringContent(body, Encoding.UTF8, contentType), Cancel);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        using var client = app.CreateApiClient();
        using var response = await client.GetAsync("/elsa/api/no/such/route", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Export_ReturnsElsaJsonAttachment_WithoutServerBookkeeping()
    {
        using var client = app.CreateApiClient();
        var id = NewId();
        await SaveAsync(client, NewModel(id), publish: true);

        using var response = await client.GetAsync($"/elsa/api/workflow-definitions/{id}/export", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{id}.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var json = await response.Content.ReadAsStringAsync(Cancel);
        var exported = JsonNode.Parse(json)!.AsObject();
        Assert.Equal("$schema", exported.First().Key);
        Assert.Equal(id, (string?)exported["definitionId"]);
        Assert.Equal("Elsa.Flowchart", (string?)exported["root"]!["type"]);
        Assert.False(exported.ContainsKey("links"));
        Assert.DoesNotContain("careflow:", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownDefinitionId_GetsAnUnsavedDraft_NotA404()
    {
        using var client = app.CreateApiClient();
        var id = NewId();
        var draft = await client.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{id}?versionOptions=Latest", Cancel);
        Assert.Equal(id, (string?)draft!["definitionId"]);
        Assert.True((bool)draft["isLatest"]!);
        var list = await client.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions?versionOptions=AllVersions&DefinitionIds={id}", Cancel);
        Assert.Equal(0, (int)list!["totalCount"]!);
    }

    [Fact]
    public async Task ReadOnlyUser_GetsNoPublishLink_AndCannotSave()
    {
        using var designer = app.CreateApiClient();
        var id = NewId();
        await SaveAsync(designer, NewModel(id), publish: false);
        using var reader = await app.SignInAsync("rita", Cancel);

        var definition = await reader.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{id}", Cancel);
        var list = await reader.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions", Cancel);
        using var save = await reader.PostAsync("/elsa/api/workflow-definitions", Json(new JsonObject { ["model"] = definition!.DeepClone() }), Cancel);

        Assert.DoesNotContain(definition["links"]!.AsArray(), l => (string?)l!["rel"] == "publish");
        Assert.DoesNotContain(list!["links"]!.AsArray(), l => (string?)l!["rel"] is "create" or "bulk-publish");
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
    }

    [Fact]
    public async Task Designer_GetsPublishLink_ThroughTheSessionCookie()
    {
        using var designer = await app.SignInAsync("dana", Cancel);
        var definition = await designer.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{NewId()}", Cancel);
        Assert.Contains(definition!["links"]!.AsArray(), l => (string?)l!["rel"] == "publish");
    }

    [Fact]
    public async Task ExpressionDescriptors_AlwaysListJavaScript_HiddenByDefault()
    {
        using var client = app.CreateApiClient();
        var descriptors = await client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/expression-descriptors", Cancel);
        var items = descriptors!["items"]!.AsArray();
        Assert.Equal(["Literal", "Object", "Variable", "Input", "JavaScript"], items.Select(i => (string?)i!["type"]));
        Assert.False((bool)items.Single(i => (string?)i!["type"] == "JavaScript")!["isBrowsable"]!);
        var activities = await client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities", Cancel);
        Assert.Contains(activities!["items"]!.AsArray(), a => (string?)a!["typeName"] == "Elsa.WriteLine");
    }

    private static string NewId() => "t-" + Guid.NewGuid().ToString("N")[..10];

    private static JsonObject NewModel(string definitionId) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = definitionId,
        ["root"] = new JsonObject
        {
            ["id"] = "flow1", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["activities"] = new JsonArray(new JsonObject { ["id"] = "start1", ["type"] = "Elsa.Start", ["version"] = 1 }),
            ["connections"] = new JsonArray(),
        },
    };

    private static JsonObject WithText(JsonObject definition, string description)
    {
        var copy = definition.DeepClone().AsObject();
        copy["description"] = description;
        return copy;
    }

    private static async Task<JsonObject> SaveAsync(HttpClient client, JsonObject model, bool publish)
    {
        using var response = await client.PostAsync("/elsa/api/workflow-definitions",
            Json(new JsonObject { ["model"] = model.DeepClone(), ["publish"] = publish }), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"save answered {response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["workflowDefinition"]!.AsObject();
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
