using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// Hostile workflow definitions sent to every route that writes definitions (save, publish, retract, revert, delete,
/// the bulk actions and the file import): huge, deeply nested, wrongly typed, unicode-hostile (NUL, lone surrogates,
/// bidi, zero-width and control characters), duplicate ids and duplicate variable names. Each must be a 4xx
/// problem+json naming the JSON path, never a 5xx, and leave the definitions table exactly as it was. Runs on SQLite
/// and on PostgreSQL (see the two subclasses at the end).
/// </summary>
public abstract class HostileDefinitionTests(WebApplicationFactory<Program> host)
{
    private const string Surrogate = "@@LONE-SURROGATE@@";
    private const string SeededId = "hostile-seed";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Name → (request body, expected status, expected JSON path in the problem's errors, or null).</summary>
    private static readonly Dictionary<string, (Func<byte[]> Body, HttpStatusCode Status, string? Path)> SaveCases = new()
    {
        ["definitionId as a number"] = (() => Save(m => m["definitionId"] = 42), HttpStatusCode.BadRequest, "$.model.definitionId"),
        ["definitionId as an object"] = (() => Save(m => m["definitionId"] = new JsonObject { ["id"] = "x" }), HttpStatusCode.BadRequest, "$.model.definitionId"),
        ["definitionId as an array"] = (() => Save(m => m["definitionId"] = new JsonArray("a")), HttpStatusCode.BadRequest, "$.model.definitionId"),
        ["definitionId as a boolean"] = (() => Save(m => m["definitionId"] = true), HttpStatusCode.BadRequest, "$.model.definitionId"),
        ["definitionId of 100,000 characters"] = (() => Save(m => m["definitionId"] = new string('d', 100_000)), HttpStatusCode.BadRequest, "$.model.definitionId"),
        ["definitionId with a bidi override"] = (() => Save(m => m["definitionId"] = "abc\u202Edef"), HttpStatusCode.BadRequest, "$.model.definitionId"),
        ["definitionId with NUL"] = (() => Save(m => m["definitionId"] = "abc\u0000def"), HttpStatusCode.BadRequest, "$.model.definitionId"),
        ["definitionId with a lone surrogate"] = (() => Save(m => m["definitionId"] = Surrogate), HttpStatusCode.BadRequest, "$.model.definitionId"),
        ["name of 1.9 MB"] = (() => Save(m => m["name"] = new string('n', 1_900_000)), HttpStatusCode.BadRequest, "$.model.name"),
        ["name with a bidi override"] = (() => Save(m => m["name"] = "invoice\u202Efdp.exe"), HttpStatusCode.BadRequest, "$.model.name"),
        ["name with a bidi isolate"] = (() => Save(m => m["name"] = "a\u2066b\u2069"), HttpStatusCode.BadRequest, "$.model.name"),
        ["name with a zero-width space"] = (() => Save(m => m["name"] = "intake\u200B"), HttpStatusCode.BadRequest, "$.model.name"),
        ["name with a control character"] = (() => Save(m => m["name"] = "bell\u0007"), HttpStatusCode.BadRequest, "$.model.name"),
        ["name with NUL"] = (() => Save(m => m["name"] = "nul\u0000"), HttpStatusCode.BadRequest, "$.model.name"),
        ["name with a lone surrogate"] = (() => Save(m => m["name"] = Surrogate), HttpStatusCode.BadRequest, "$.model.name"),
        ["name as a number"] = (() => Save(m => m["name"] = 7), HttpStatusCode.BadRequest, "$.model.name"),
        ["property name with a lone surrogate"] = (() => Save(m => m[Surrogate] = 1), HttpStatusCode.BadRequest, "$.model"),
        ["description over 2,000 characters"] = (() => Save(m => m["description"] = new string('x', 2001)), HttpStatusCode.BadRequest, "$.model.description"),
        ["NUL in an activity input"] = (() => Save(m => m["root"]!["activities"]![0]!["text"] = new JsonObject
        {
            ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "x\u0000y" },
        }), HttpStatusCode.BadRequest, "$.model.root.activities[0].text.expression.value"),
        ["activity name with a zero-width joiner"] = (() => Save(m => m["root"]!["activities"]![0]!["name"] = "Start\u200D"), HttpStatusCode.BadRequest, "$.model.root.activities[0].name"),
        ["activity id of 10,000 characters"] = (() => Save(m => m["root"]!["activities"]![0]!["id"] = new string('a', 10_000)), HttpStatusCode.BadRequest, "$.model.root.activities[0].id"),
        ["duplicate activity ids"] = (() => Save(m => m["root"]!["activities"]!.AsArray().Add(new JsonObject { ["id"] = "start1", ["type"] = "Elsa.Start", ["version"] = 1 })),
            HttpStatusCode.BadRequest, "$.model.root.activities[1].id"),
        ["duplicate variable names"] = (() => Save(m => m["variables"] = new JsonArray(Variable("v1", "Total"), Variable("v2", "Total"))), HttpStatusCode.BadRequest, "$.model.variables[1].name"),
        ["variable names differing only in case"] = (() => Save(m => m["variables"] = new JsonArray(Variable("v1", "Total"), Variable("v2", "total"))), HttpStatusCode.BadRequest, "$.model.variables[1].name"),
        ["variable name with a bidi override"] = (() => Save(m => m["variables"] = new JsonArray(Variable("v1", "a\u202Eb"))), HttpStatusCode.BadRequest, "$.model.variables[0].name"),
        ["variables as a string"] = (() => Save(m => m["variables"] = "v1"), HttpStatusCode.BadRequest, "$.model.variables"),
        ["version as a string"] = (() => Save(m => m["version"] = "2"), HttpStatusCode.BadRequest, "$.model.version"),
        ["root as a string"] = (() => Save(m => m["root"] = "Elsa.Flowchart"), HttpStatusCode.BadRequest, "$.model.root"),
        ["publish as \"yes\""] = (() => Save(_ => { }, publish: "yes"), HttpStatusCode.BadRequest, "$.publish"),
        ["publish as 1"] = (() => Save(_ => { }, publish: 1), HttpStatusCode.BadRequest, "$.publish"),
        ["model as an array"] = (() => Encoding.UTF8.GetBytes("{\"model\":[1,2]}"), HttpStatusCode.BadRequest, "$.model"),
        ["10,000 levels of nesting"] = (() => Encoding.UTF8.GetBytes("{\"model\":" + new string('[', 10_000) + new string(']', 10_000) + "}"), HttpStatusCode.BadRequest, "$"),
        ["invalid UTF-8"] = (() => [.. "{\"model\":{\"name\":\""u8.ToArray(), 0xC3, 0x28, 0xFF, .. "\"}}"u8.ToArray()], HttpStatusCode.BadRequest, "$.model.name"),
        ["3 MB document"] = (() => Save(m => m["description"] = new string('h', 3 * 1024 * 1024)), HttpStatusCode.RequestEntityTooLarge, null),
    };

    public static TheoryData<string> SaveCaseNames => [.. SaveCases.Keys];

    [Theory]
    [MemberData(nameof(SaveCaseNames))]
    public async Task Save_RefusesHostileDefinition_WithProblemAndPath_AndWritesNothing(string caseName)
    {
        var (body, status, path) = SaveCases[caseName];
        await SeedAsync();
        var before = await host.SnapshotDefinitionRowsAsync(Cancel);
        var rowsBefore = await host.CountDefinitionRowsAsync(Cancel);

        using var client = DefinitionApi.CreateClient(host);
        using var content = new ByteArrayContent(body());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/elsa/api/workflow-definitions", content, Cancel);

        await AssertProblemAsync(response, status, path);
        Assert.Equal(rowsBefore, await host.CountDefinitionRowsAsync(Cancel));
        Assert.Equal(before, await host.SnapshotDefinitionRowsAsync(Cancel));
    }

    [Fact]
    public async Task Save_AcceptsTheSameModelWhenItIsClean()
    {
        await SeedAsync();
        var rowsBefore = await host.CountDefinitionRowsAsync(Cancel);
        using var client = DefinitionApi.CreateClient(host);
        using var content = new ByteArrayContent(Save(m =>
        {
            m["definitionId"] = "clean-" + Guid.NewGuid().ToString("N")[..8];
            m["variables"] = new JsonArray(Variable("v1", "Total"), Variable("v2", "Count"));
            m["description"] = "Line one.\nLine two.";
        }, publish: true));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/elsa/api/workflow-definitions", content, Cancel);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(rowsBefore + 1, await host.CountDefinitionRowsAsync(Cancel));
    }

    [Theory]
    [InlineData("abc%7Fdef")] // NUL (%00) never reaches routing: Kestrel refuses it in the request line
    [InlineData("%E2%80%AEevil")]
    [InlineData("zero%E2%80%8Bwidth")]
    [InlineData("%ED%A0%80")]
    [InlineData("%01")]
    [InlineData("has%20space")]
    public async Task IdRoutes_RefuseHostileIds_WithoutA5xx_AndWriteNothing(string escapedId)
    {
        await SeedAsync();
        var before = await host.SnapshotDefinitionRowsAsync(Cancel);
        using var client = DefinitionApi.CreateClient(host);
        string[] routes =
        [
            $"POST /elsa/api/workflow-definitions/{escapedId}/publish",
            $"POST /elsa/api/workflow-definitions/{escapedId}/retract",
            $"POST /elsa/api/workflow-definitions/{escapedId}/revert/1",
            $"DELETE /elsa/api/workflow-definitions/{escapedId}",
            $"DELETE /elsa/api/workflow-definition-versions/{escapedId}",
            $"GET /elsa/api/workflow-definitions/by-definition-id/{escapedId}",
            $"GET /elsa/api/workflow-definitions/{escapedId}/export",
        ];
        foreach (var route in routes)
        {
            var (method, url) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            using var response = await client.SendAsync(request, Cancel);
            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500, $"{route} answered {status}: {await response.Content.ReadAsStringAsync(Cancel)}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(before, await host.SnapshotDefinitionRowsAsync(Cancel));
    }

    [Theory]
    [InlineData("/elsa/api/bulk-actions/publish/workflow-definitions/by-definition-ids")]
    [InlineData("/elsa/api/bulk-actions/retract/workflow-definitions/by-definition-ids")]
    [InlineData("/elsa/api/bulk-actions/delete/workflow-definitions/by-definition-id")]
    public async Task BulkRoutes_RefuseHostileIds_WithPath_AndWriteNothing(string route)
    {
        await SeedAsync();
        var before = await host.SnapshotDefinitionRowsAsync(Cancel);
        using var client = DefinitionApi.CreateClient(host);
        string[] bodies =
        [
            $"{{\"definitionIds\":[\"{SeededId}\",\"a\\u0000b\"]}}",
            $"{{\"definitionIds\":[\"{SeededId}\",\"\\ud800\"]}}",
            $"{{\"definitionIds\":[\"{SeededId}\",42]}}",
            $"{{\"definitionIds\":[\"{SeededId}\",\"{new string('x', 100_000)}\"]}}",
            $"{{\"definitionIds\":[\"{SeededId}\",\"a\\u202Eb\"]}}",
        ];
        foreach (var body in bodies)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(route, content, Cancel);
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, "$.definitionIds[1]");
        }

        Assert.Equal(before, await host.SnapshotDefinitionRowsAsync(Cancel));
    }

    [Fact]
    public async Task Import_RefusesHostileFiles_WithPath_AndWritesNothing()
    {
        await SeedAsync();
        var before = await host.SnapshotDefinitionRowsAsync(Cancel);
        (Action<JsonObject> Change, string Path)[] cases =
        [
            (m => m["definitionId"] = 42, "$.definitionId"),
            (m => m["definitionId"] = new string('i', 100_000), "$.definitionId"),
            (m => m["name"] = "x\u202Ey", "$.name"),
            (m => m["version"] = "3", "$.version"),
            (m => m["variables"] = new JsonArray(Variable("v1", "A"), Variable("v2", "a")), "$.variables[1].name"),
            (m => m["root"]!["activities"]![0]!["name"] = "a\u0000", "$.root.activities[0].name"),
        ];
        await using var scope = host.Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        foreach (var (change, path) in cases)
        {
            var file = Model();
            file["definitionId"] = "imported";
            file["version"] = 2;
            change(file);
            var refused = await Assert.ThrowsAsync<DefinitionException>(() => definitions.ImportPublishedAsync(file, new ValidationOptions(), Cancel));
            Assert.Contains(refused.Errors, p => p.Path == path);
        }

        Assert.Equal(before, await host.SnapshotDefinitionRowsAsync(Cancel));
    }

    private async Task SeedAsync()
    {
        using var client = DefinitionApi.CreateClient(host);
        using var existing = await client.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{SeededId}", Cancel);
        if (existing.IsSuccessStatusCode) return;
        using var content = new ByteArrayContent(Save(m => m["definitionId"] = SeededId, publish: true));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/elsa/api/workflow-definitions", content, Cancel);
        // Parallel theory rows may race to seed: the loser's save is stale (409); either way the seed exists.
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync(Cancel));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? path)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {Shorten(text)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (path is null) return;
        var errors = JsonNode.Parse(text)?["errors"] as JsonObject;
        Assert.True(errors is not null && errors.ContainsKey(path), $"Expected an error at {path}: {Shorten(text)}");
    }

    private static string Shorten(string text) => text.Length > 2000 ? text[..2000] + "…" : text;

    private static JsonObject Model() => new()
    {
        ["definitionId"] = "hostile-" + Guid.NewGuid().ToString("N")[..8],
        ["name"] = "Hostile test",
        ["root"] = new JsonObject
        {
            ["id"] = "flow1", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["activities"] = new JsonArray(new JsonObject { ["id"] = "start1", ["type"] = "Elsa.Start", ["version"] = 1, ["name"] = "Start1" }),
            ["connections"] = new JsonArray(),
        },
    };

    private static JsonObject Variable(string id, string name) =>
        new() { ["id"] = id, ["name"] = name, ["typeName"] = "String", ["isArray"] = false, ["storageDriverTypeName"] = "WorkflowStorageDriver" };

    /// <summary>A save body: a clean model changed by <paramref name="change"/>; lone surrogates are written as raw JSON escapes.</summary>
    private static byte[] Save(Action<JsonObject> change, JsonNode? publish = null)
    {
        var model = Model();
        change(model);
        var body = new JsonObject { ["model"] = model, ["publish"] = publish ?? false };
        return Encoding.UTF8.GetBytes(body.ToJsonString().Replace($"\"{Surrogate}\"", "\"\\ud800\"", StringComparison.Ordinal));
    }
}

/// <summary>The hostile-definition suite on SQLite, the embedded default.</summary>
public sealed class HostileDefinitionSqliteTests(CareFlowApp<SqliteDefinitionApi> host) : HostileDefinitionTests(host), IClassFixture<CareFlowApp<SqliteDefinitionApi>>;

/// <summary>The hostile-definition suite on PostgreSQL.</summary>
public sealed class HostileDefinitionPostgresTests(CareFlowApp<PostgresDefinitionApi> host) : HostileDefinitionTests(host), IClassFixture<CareFlowApp<PostgresDefinitionApi>>;
