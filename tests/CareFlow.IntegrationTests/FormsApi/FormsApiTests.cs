using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CareFlow.Core.Audit;
using CareFlow.Core.Forms;
using CareFlow.Web.Designer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareFlow.IntegrationTests.FormsApi;

/// <summary>
/// <c>/api/forms</c>: list, read (published, a version, the latest draft), save drafts with stale-save conflicts,
/// publish, refusals (400 naming each JSON path, nothing written; 403 for coordinators and cross-site cookie writes),
/// audit rows, and start-up provisioning that never overwrites a designer's version. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class FormsApiTests<TOptions>(CareFlowApp<TOptions> app)
    where TOptions : CareFlowAppOptions, new()
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A form id of this test's own (the database is shared by the tests of a class).</summary>
    private static string NewId() => "t-" + Guid.NewGuid().ToString("N")[..12];

    private static JsonObject Schema(string id, string name = "Test form", string label = "Note") => new()
    {
        ["type"] = "default", ["id"] = id, ["name"] = name,
        ["components"] = new JsonArray(new JsonObject
        {
            ["type"] = "textarea", ["id"] = "note", ["key"] = "note", ["label"] = label,
            ["validate"] = new JsonObject { ["required"] = true, ["maxLength"] = 2000 },
        }),
    };

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpClient client, HttpMethod method, string path, JsonNode? body = null,
        string? fetchSite = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        using var response = await client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static Task<(HttpStatusCode Status, JsonNode? Body)> PutAsync(HttpClient client, string id, JsonNode? schema, object? stamp, string? fetchSite = null) =>
        SendAsync(client, HttpMethod.Put, $"/api/forms/{id}", new JsonObject { ["schema"] = schema?.DeepClone(), ["concurrencyStamp"] = stamp?.ToString() }, fetchSite);

    private Task<HttpClient> DesignerAsync() => app.SignInAsync(FormsApp.Designer, Cancel);

    private Task<HttpClient> CoordinatorAsync() => app.SignInAsync(FormsApp.Coordinator, Cancel);

    private Task<string> FormRowsAsync(string formId) => app.WithDbAsync(async db =>
        string.Join("\n", (await db.Set<FormVersion>().AsNoTracking().Where(v => v.FormId == formId).ToListAsync(Cancel))
            .OrderBy(v => v.Version).Select(v => System.Text.Json.JsonSerializer.Serialize(v))));

    private Task<int> AllFormRowsAsync() => app.WithDbAsync(db => db.Set<FormVersion>().CountAsync(Cancel));

    [Fact]
    public async Task List_AndGet_ShowTheProvisionedGeneralNote_ToACoordinator()
    {
        using var coordinator = await CoordinatorAsync();
        var (status, list) = await SendAsync(coordinator, HttpMethod.Get, "/api/forms");
        Assert.Equal(HttpStatusCode.OK, status);
        var row = list!.AsArray().Single(f => (string?)f!["id"] == "general-note")!;
        Assert.Equal("General note", (string?)row["name"]);
        Assert.NotNull((int?)row["publishedVersion"]);

        var (getStatus, form) = await SendAsync(coordinator, HttpMethod.Get, "/api/forms/general-note");
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.True((bool)form!["isPublished"]!);
        Assert.Equal("note", (string?)form["schema"]!["components"]![0]!["key"]);
        Assert.True(Guid.TryParse((string?)form["concurrencyStamp"], out _));
        var read = FormSchemaReader.Read(form["schema"]);
        Assert.True(read.IsValid);
    }

    [Theory]
    [InlineData("/api/forms/no-such-form")]
    [InlineData("/api/forms/Not%20An%20Id")]
    [InlineData("/api/forms/general-note?version=999")]
    [InlineData("/api/forms/general-note?version=0")]
    public async Task Get_Unknown_Is404(string path)
    {
        using var coordinator = await CoordinatorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(coordinator, HttpMethod.Get, path)).Status);
    }

    [Fact]
    public async Task Save_Publish_AndSaveAgain_VersionLikeDefinitions()
    {
        var id = NewId();
        using var designer = await DesignerAsync();
        using var coordinator = await CoordinatorAsync();

        var (created, v1) = await PutAsync(designer, id, Schema(id, name: "First"), null);
        Assert.Equal(HttpStatusCode.OK, created);
        Assert.Equal(1, (int)v1!["version"]!);
        Assert.False((bool)v1["isPublished"]!);
        Assert.Equal("First", (string?)v1["name"]);

        // A draft is the designer's: the coordinator sees no published form, and no draft.
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(coordinator, HttpMethod.Get, $"/api/forms/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(coordinator, HttpMethod.Get, $"/api/forms/{id}?latest=true")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(coordinator, HttpMethod.Get, $"/api/forms/{id}?version=1")).Status);
        var (latestStatus, latest) = await SendAsync(designer, HttpMethod.Get, $"/api/forms/{id}?latest=true");
        Assert.Equal(HttpStatusCode.OK, latestStatus);
        Assert.Equal((string?)v1["concurrencyStamp"], (string?)latest!["concurrencyStamp"]);

        // Saving onto the draft changes it in place, with a new stamp.
        var (updated, v1b) = await PutAsync(designer, id, Schema(id, label: "Changed"), (string?)v1["concurrencyStamp"]);
        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.Equal(1, (int)v1b!["version"]!);
        Assert.NotEqual((string?)v1["concurrencyStamp"], (string?)v1b["concurrencyStamp"]);
        Assert.Equal("Changed", (string?)v1b["schema"]!["components"]![0]!["label"]);

        var (published, p1) = await SendAsync(designer, HttpMethod.Post, $"/api/forms/{id}/publish", new JsonObject());
        Assert.Equal(HttpStatusCode.OK, published);
        Assert.True((bool)p1!["isPublished"]!);
        var (_, seen) = await SendAsync(coordinator, HttpMethod.Get, $"/api/forms/{id}");
        Assert.Equal(1, (int)seen!["version"]!);

        // Saving onto a published latest version starts version 2 as a draft; the coordinator still sees version 1.
        var (second, v2) = await PutAsync(designer, id, Schema(id, label: "Second"), (string?)p1["concurrencyStamp"]);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Equal(2, (int)v2!["version"]!);
        Assert.False((bool)v2["isPublished"]!);
        Assert.Equal(1, (int)(await SendAsync(coordinator, HttpMethod.Get, $"/api/forms/{id}")).Body!["version"]!);
        var row = (await SendAsync(coordinator, HttpMethod.Get, "/api/forms")).Body!.AsArray().Single(f => (string?)f!["id"] == id)!;
        Assert.Equal(2, (int)row["latestVersion"]!);
        Assert.Equal(1, (int)row["publishedVersion"]!);

        // Publishing version 2 unpublishes version 1.
        var (published2, p2) = await SendAsync(designer, HttpMethod.Post, $"/api/forms/{id}/publish", new JsonObject { ["version"] = 2 });
        Assert.Equal(HttpStatusCode.OK, published2);
        Assert.Equal(2, (int)p2!["version"]!);
        var (_, old) = await SendAsync(designer, HttpMethod.Get, $"/api/forms/{id}?version=1");
        Assert.False((bool)old!["isPublished"]!);
        Assert.Equal("Second", (string?)(await SendAsync(coordinator, HttpMethod.Get, $"/api/forms/{id}")).Body!["schema"]!["components"]![0]!["label"]);
    }

    [Fact]
    public async Task Save_WithAStaleStamp_Is409_AndChangesNothing()
    {
        var id = NewId();
        using var designer = await DesignerAsync();
        var (_, v1) = await PutAsync(designer, id, Schema(id), null);
        var opened = (string?)v1!["concurrencyStamp"];
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(designer, id, Schema(id, label: "First editor"), opened)).Status);
        var before = await FormRowsAsync(id);

        var (status, problem) = await PutAsync(designer, id, Schema(id, label: "Second editor"), opened);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.NotNull(problem!["errors"]!["concurrencyStamp"]);
        Assert.Equal(before, await FormRowsAsync(id));
    }

    [Fact]
    public async Task Save_ANewFormWhoseIdExists_Is409()
    {
        using var designer = await DesignerAsync();
        var before = await FormRowsAsync("general-note");
        var (status, _) = await PutAsync(designer, "general-note", Schema("general-note"), null);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(before, await FormRowsAsync("general-note"));
    }

    [Fact]
    public async Task Save_ABrokenSchema_Is400NamingEveryPath_AndWritesNothing()
    {
        var id = NewId();
        using var designer = await DesignerAsync();
        var schema = new JsonObject
        {
            ["id"] = id,
            ["components"] = new JsonArray(
                new JsonObject { ["type"] = "filepicker", ["key"] = "upload" },
                new JsonObject { ["type"] = "number", ["key"] = "age", ["validate"] = new JsonObject { ["min"] = 10, ["max"] = 1 } },
                new JsonObject { ["type"] = "textfield", ["key"] = "age" },
                new JsonObject { ["type"] = "textfield", ["key"] = "code", ["validate"] = new JsonObject { ["pattern"] = "([a-z" } },
                new JsonObject { ["type"] = "radio", ["key"] = "choice", ["values"] = "yes,no" }),
        };
        var rows = await AllFormRowsAsync();

        var (status, problem) = await PutAsync(designer, id, schema, null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem!["errors"]!.AsObject();
        Assert.Equal(["$.components[0].type", "$.components[1].validate.min", "$.components[2].key", "$.components[3].validate.pattern", "$.components[4].values"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("unknown field type 'filepicker'", (string?)errors["$.components[0].type"]![0], StringComparison.Ordinal);
        Assert.Equal(rows, await AllFormRowsAsync());
    }

    [Theory]
    [InlineData("""{"schema": [1, 2]}""", "$")]
    [InlineData("""{"schema": "form"}""", "$")]
    [InlineData("""{"concurrencyStamp": null}""", "$")]
    [InlineData("""{"schema": {"id": "other-id", "components": []}}""", "$.id")]
    [InlineData("""{"schema": {"id": "x", "components": [{"type": "textfield", "key": "a", "label": "\u0000"}]}}""", "$.schema.components[0].label")]
    public async Task Save_WrongBodies_Are400NamingThePath(string body, string path)
    {
        var id = path == "$.schema.components[0].label" ? "x" : NewId();
        using var designer = await DesignerAsync();
        var rows = await AllFormRowsAsync();
        var (status, problem) = await SendAsync(designer, HttpMethod.Put, $"/api/forms/{id}", JsonNode.Parse(body));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]![path]);
        Assert.Equal(rows, await AllFormRowsAsync());
    }

    [Fact]
    public async Task Save_WithAMalformedStamp_Is400()
    {
        var id = NewId();
        using var designer = await DesignerAsync();
        var (status, _) = await SendAsync(designer, HttpMethod.Put, $"/api/forms/{id}", new JsonObject { ["schema"] = Schema(id), ["concurrencyStamp"] = "not-a-guid" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("", await FormRowsAsync(id));
    }

    [Fact]
    public async Task Coordinator_CannotSaveOrPublish()
    {
        var id = NewId();
        using var coordinator = await CoordinatorAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(coordinator, id, Schema(id), null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(coordinator, HttpMethod.Post, "/api/forms/general-note/publish", new JsonObject())).Status);
        Assert.Equal("", await FormRowsAsync(id));
    }

    [Fact]
    public async Task CookieWrite_FromAnotherSite_IsRefused_ButTheApiKeyMaySave()
    {
        var id = NewId();
        using var designer = await DesignerAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(designer, id, Schema(id), null, fetchSite: "cross-site")).Status);
        Assert.Equal("", await FormRowsAsync(id));

        using var api = app.CreateApiClient();
        var (status, saved) = await PutAsync(api, id, Schema(id), null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Post, $"/api/forms/{id}/publish")).Status);
        Assert.Equal(1, (int)saved!["version"]!);
    }

    [Theory]
    [InlineData("/api/forms/no-such-form/publish", null)]
    [InlineData("/api/forms/general-note/publish", 999)]
    public async Task Publish_Unknown_Is404(string path, int? version)
    {
        using var designer = await DesignerAsync();
        var body = version is null ? new JsonObject() : new JsonObject { ["version"] = version };
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(designer, HttpMethod.Post, path, body)).Status);
    }

    [Fact]
    public async Task DesignerWrites_AreAudited_WithWhoWhichFormAndVersion()
    {
        var id = NewId();
        using var designer = await DesignerAsync();
        var (_, v1) = await PutAsync(designer, id, Schema(id), null);
        await SendAsync(designer, HttpMethod.Post, $"/api/forms/{id}/publish", new JsonObject());

        var rows = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == id).ToListAsync(Cancel));
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(FormsApp.Designer, r.Actor);
            Assert.Equal(AuditActions.FormDesign, r.Action);
            Assert.Equal("form", r.TargetType);
        });
        Assert.Contains(rows, r => r.Route.EndsWith("(saved draft version 1)", StringComparison.Ordinal) && r.Method == "PUT");
        Assert.Contains(rows, r => r.Route.EndsWith("(published version 1)", StringComparison.Ordinal) && r.Method == "POST");
        Assert.NotNull(v1);
    }

    [Fact]
    public async Task Provisioning_PublishesFiles_ButNeverOverwritesADesignersVersion()
    {
        var id = NewId();
        var directory = Path.Combine(app.DataDirectory, "forms-" + id);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, id + ".json");
        await File.WriteAllTextAsync(file, Schema(id, label: "From the file").ToJsonString(), Cancel);
        var provisioner = app.Services.GetServices<IHostedService>().OfType<FormFileProvisioner>().Single();

        // A new file is published as version 1; the same content again changes nothing.
        var first = Assert.Single(await provisioner.ProvisionDirectoryAsync(directory, Cancel));
        Assert.True(first.Published);
        Assert.Equal(1, first.Version);
        var afterFirst = await FormRowsAsync(id);
        Assert.False(Assert.Single(await provisioner.ProvisionDirectoryAsync(directory, Cancel)).Published);
        Assert.Equal(afterFirst, await FormRowsAsync(id));

        // A changed file while no one edited the form: published as version 2.
        await File.WriteAllTextAsync(file, Schema(id, label: "File, second edition").ToJsonString(), Cancel);
        var second = Assert.Single(await provisioner.ProvisionDirectoryAsync(directory, Cancel));
        Assert.True(second.Published);
        Assert.Equal(2, second.Version);

        // A designer saves and publishes version 3; the file (old or changed) never overwrites it.
        using var designer = await DesignerAsync();
        var (_, current) = await SendAsync(designer, HttpMethod.Get, $"/api/forms/{id}?latest=true");
        var (_, v3) = await PutAsync(designer, id, Schema(id, label: "Designer's edit"), (string?)current!["concurrencyStamp"]);
        Assert.Equal(3, (int)v3!["version"]!);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(designer, HttpMethod.Post, $"/api/forms/{id}/publish", new JsonObject())).Status);
        var designed = await FormRowsAsync(id);

        var skipped = Assert.Single(await provisioner.ProvisionDirectoryAsync(directory, Cancel));
        Assert.False(skipped.Published);
        Assert.Contains("designer", skipped.Reason, StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, Schema(id, label: "File, third edition").ToJsonString(), Cancel);
        Assert.False(Assert.Single(await provisioner.ProvisionDirectoryAsync(directory, Cancel)).Published);
        Assert.Equal(designed, await FormRowsAsync(id));
        using var coordinator = await CoordinatorAsync();
        Assert.Equal("Designer's edit", (string?)(await SendAsync(coordinator, HttpMethod.Get, $"/api/forms/{id}")).Body!["schema"]!["components"]![0]!["label"]);
    }

    [Fact]
    public async Task Provisioning_SkipsAnInvalidFile_AndWritesNothing()
    {
        var id = NewId();
        var directory = Path.Combine(app.DataDirectory, "forms-" + id);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "a.json"), """{ "id": "broken", "components": [ { "type": "filepicker" } ] }""", Cancel);
        await File.WriteAllTextAsync(Path.Combine(directory, "b.json"), "{ not json", Cancel);
        await File.WriteAllTextAsync(Path.Combine(directory, "c.json"), Schema(id).ToJsonString(), Cancel);
        var provisioner = app.Services.GetServices<IHostedService>().OfType<FormFileProvisioner>().Single();

        var outcomes = await provisioner.ProvisionDirectoryAsync(directory, Cancel);

        Assert.Equal(id, Assert.Single(outcomes).FormId);
        Assert.Equal("", await FormRowsAsync("broken"));
    }
}

/// <summary>The forms API on SQLite.</summary>
public sealed class FormsApiSqliteTests(CareFlowApp<SqliteFormsApp> app) : FormsApiTests<SqliteFormsApp>(app), IClassFixture<CareFlowApp<SqliteFormsApp>>;

/// <summary>The forms API on PostgreSQL.</summary>
public sealed class FormsApiPostgresTests(CareFlowApp<PostgresFormsApp> app) : FormsApiTests<PostgresFormsApp>(app), IClassFixture<CareFlowApp<PostgresFormsApp>>;
