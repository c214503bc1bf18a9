using System.Text.Json.Nodes;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using Microsoft.Extensions.Time.Testing;

namespace CareFlow.Workflows.Tests.Management;

/// <summary>
/// The one definition model: drafts, versions, publish, retract, revert, delete, import and the stale-save rule, as
/// Studio's API and the workflow-file import use them (the store is the in-memory fake at the port).
/// </summary>
public sealed class WorkflowDefinitionServiceTests
{
    private const string SessionA = "session-a";
    private const string SessionB = "session-b";

    private readonly InMemoryDefinitionStore _store = new();
    private readonly WorkflowDefinitionService _service;

    public WorkflowDefinitionServiceTests() =>
        _service = new WorkflowDefinitionService(_store, new ActivityCatalogue(), new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveAsync_OverwritesTheDraft_ThenStartsVersion2AfterPublish()
    {
        var first = await SaveAsync(New(), publish: false);
        var again = await SaveAsync(Edit(first, "again"), publish: false);
        var published = await SaveAsync(Edit(again, "published"), publish: true);
        var second = await SaveAsync(Edit(published, "v2"), publish: false);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Id, published.Id);
        Assert.True(published.IsPublished);
        Assert.Equal(2, second.Version);
        Assert.NotEqual(first.Id, second.Id);
        var versions = await _store.FindVersionsAsync("test", Cancel);
        Assert.Equal([(1, false, true), (2, true, false)], versions.Select(v => (v.Version, v.IsLatest, v.IsPublished)));
    }

    [Fact]
    public async Task SaveAsync_IsStale_WhenBasedOnAnOlderVersion()
    {
        var v1 = await SaveAsync(New(), publish: true);
        var v2 = await SaveAsync(Edit(v1, "v2"), publish: false);

        var stale = await Assert.ThrowsAsync<DefinitionConflictException>(() => SaveAsync(Edit(v1, "stale"), publish: false));

        Assert.Contains("version 1", stale.Message, StringComparison.Ordinal);
        Assert.Equal(v2, await _store.FindByIdAsync(v2.Id, Cancel));
    }

    [Fact]
    public async Task SaveAsync_IsStale_WhenTheModelNamesNoVersionButTheDefinitionExists()
    {
        await SaveAsync(New(), publish: false);

        var model = New();
        model.Remove("version");
        var stale = await Assert.ThrowsAsync<DefinitionConflictException>(() => SaveAsync(model, publish: false));

        Assert.Contains("an unsaved copy", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_IsStale_WhenAnotherSessionSavedTheDraftSinceItWasRead()
    {
        var loaded = await SaveAsync(New(), publish: false, SessionA);
        await SaveAsync(Edit(loaded, "by b"), publish: false, SessionB);

        await Assert.ThrowsAsync<DefinitionConflictException>(() => SaveAsync(Edit(loaded, "by a"), publish: false, SessionA));

        var stored = WorkflowDefinitionService.ReadDocument((await _service.GetAsync("test", VersionOptions.Latest, Cancel))!);
        Assert.Equal("by b", (string?)stored["description"]);
    }

    [Fact]
    public async Task SaveAsync_AllowsOverlappingAutoSaves_OfOneSession()
    {
        var loaded = await SaveAsync(New(), publish: false, SessionA);
        // Two auto-saves sent before either answered: both carry the revision the session loaded.
        await SaveAsync(Edit(loaded, "first"), publish: false, SessionA);
        var second = await SaveAsync(Edit(loaded, "second"), publish: false, SessionA);

        Assert.Equal(loaded.Revision + 2, second.Revision);
        await Assert.ThrowsAsync<DefinitionConflictException>(() => SaveAsync(Edit(loaded, "other"), publish: false, SessionB));
    }

    [Fact]
    public async Task SaveAsync_StoresNoServerOwnedFields_AndReadersSeeNoBookkeeping()
    {
        var model = New();
        model["links"] = new JsonArray(new JsonObject { ["rel"] = "self" });
        model["$schema"] = "https://example.org/schema.json";
        model["customProperties"]![WorkflowDefinitionService.RevisionProperty] = 42;

        var saved = await SaveAsync(model, publish: false, SessionA);

        Assert.DoesNotContain("\"links\"", saved.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("$schema", saved.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(WorkflowDefinitionService.RevisionProperty + "\"", saved.Json, StringComparison.Ordinal);
        var read = WorkflowDefinitionService.ReadDocument(saved);
        Assert.DoesNotContain("careflow:", read.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("yes", (string?)read["customProperties"]!["kept"]);
        Assert.Equal(saved.Id, (string?)read["id"]);
        Assert.Equal(WorkflowDefinitionService.ToolVersion, (string?)read["toolVersion"]);
    }

    [Fact]
    public async Task SaveAsync_ReturnsTheDocumentReadersSee_WithoutParsingItAgain()
    {
        var result = await _service.SaveAsync(New(), publish: true, new ValidationOptions(), SessionA, Cancel);

        Assert.Equal(WorkflowDefinitionService.ReadDocument(result.Definition).ToJsonString(), result.Document.ToJsonString());
        Assert.True((bool)result.Document["isPublished"]!);
        Assert.DoesNotContain("careflow:", result.Document.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_FillsInputTypeNames_StudioLeftNull()
    {
        var model = New();
        model["root"]!["activities"]![0]!["text"]!["typeName"] = null;

        var saved = await SaveAsync(model, publish: false);

        Assert.Equal("String", (string?)JsonNode.Parse(saved.Json)!["root"]!["activities"]![0]!["text"]!["typeName"]);
    }

    [Fact]
    public async Task SaveAsync_RefusesAScript_WithItsPath_WhenScriptsAreOff()
    {
        var model = Defs.Workflow([Defs.Activity("a", "Elsa.WriteLine", ("text", Defs.Script("'x'", "String")))], []);

        var refused = await Assert.ThrowsAsync<DefinitionException>(() =>
            _service.SaveAsync(model, publish: false, new ValidationOptions { AllowScripts = false }, Cancel));

        Assert.Contains(refused.Errors, e => e.Path == "$.root.activities[0].text.expression.type");
        Assert.Empty(await _store.FindVersionsAsync("test", Cancel));
    }

    [Fact]
    public async Task ImportPublishedAsync_PublishesTheFileVersion_OnlyWhenNewer()
    {
        var file = New();
        file["version"] = 3;

        var imported = await _service.ImportPublishedAsync(file, new ValidationOptions(), Cancel);
        var again = await _service.ImportPublishedAsync(file, new ValidationOptions(), Cancel);
        var draft = await SaveAsync(Edit(imported!, "designer"), publish: false);
        var older = New();
        older["version"] = 2;
        var skipped = await _service.ImportPublishedAsync(older, new ValidationOptions(), Cancel);

        Assert.NotNull(imported);
        Assert.Equal(3, imported.Version);
        Assert.True(imported.IsPublished && imported.IsLatest);
        Assert.Null(again);
        Assert.Null(skipped);
        Assert.Equal(4, draft.Version);
        Assert.Equal(imported.Id, (await _service.GetAsync("test", VersionOptions.Published, Cancel))!.Id);
    }

    [Fact]
    public async Task ImportPublishedAsync_RefusesAVersionWrittenAsText_AndWritesNothing()
    {
        var file = New();
        file["version"] = "2";

        var refused = await Assert.ThrowsAsync<DefinitionException>(() => _service.ImportPublishedAsync(file, new ValidationOptions(), Cancel));

        Assert.Contains(refused.Errors, e => e.Path == "$.version");
        Assert.Empty(await _store.FindVersionsAsync("test", Cancel));
    }

    [Fact]
    public async Task RevertAsync_CopiesAnOlderVersion_IntoANewDraft()
    {
        var v1 = await SaveAsync(Edit(await SaveAsync(New(), publish: false), "one"), publish: true);
        await SaveAsync(Edit(v1, "two"), publish: true);

        var reverted = await _service.RevertAsync("test", 1, Cancel);

        Assert.NotNull(reverted);
        Assert.Equal(3, reverted.Version);
        Assert.False(reverted.IsPublished);
        Assert.Equal("one", (string?)WorkflowDefinitionService.ReadDocument(reverted)["description"]);
        Assert.Null(await _service.RevertAsync("test", 9, Cancel));
    }

    [Fact]
    public async Task PublishAndRetract_MoveThePublishedFlag_AndRetractAnswersTheLatest()
    {
        var draft = await SaveAsync(New(), publish: false);

        var published = await _service.PublishAsync("test", Cancel);
        var retracted = await _service.RetractAsync("test", Cancel);
        var retractedAgain = await _service.RetractAsync("test", Cancel);

        Assert.True(published!.IsPublished);
        Assert.Equal(draft.Id, retracted!.Id);
        Assert.False(retracted.IsPublished);
        Assert.Equal(draft.Id, retractedAgain!.Id);
        Assert.Null(await _service.GetAsync("test", VersionOptions.Published, Cancel));
        Assert.Null(await _service.RetractAsync("missing", Cancel));
        Assert.Null(await _service.PublishAsync("missing", Cancel));
    }

    [Fact]
    public async Task DeleteVersionAsync_MakesTheNextHighestLatest_WhenTheLatestGoes()
    {
        var v1 = await SaveAsync(New(), publish: true);
        var v2 = await SaveAsync(Edit(v1, "v2"), publish: false);

        Assert.True(await _service.DeleteVersionAsync(v2.Id, Cancel));

        var latest = await _service.GetAsync("test", VersionOptions.Latest, Cancel);
        Assert.Equal(v1.Id, latest!.Id);
        Assert.True(latest.IsPublished);
        Assert.False(await _service.DeleteVersionAsync(v2.Id, Cancel));
        Assert.True(await _service.DeleteAsync("test", Cancel));
        Assert.Empty(await _store.FindVersionsAsync("test", Cancel));
        Assert.False(await _service.DeleteAsync("test", Cancel));
    }

    [Fact]
    public async Task VersionOptions_LatestAndPublished_SelectsOnlyAVersionThatIsBoth()
    {
        var v1 = await SaveAsync(New(), publish: true);
        Assert.Equal(v1.Id, (await _service.GetAsync("test", VersionOptions.Parse("LatestAndPublished")!, Cancel))!.Id);

        await SaveAsync(Edit(v1, "draft"), publish: false);

        Assert.Null(await _service.GetAsync("test", VersionOptions.Parse("LatestAndPublished")!, Cancel));
        Assert.Equal(v1.Id, (await _service.GetAsync("test", VersionOptions.Parse("LatestOrPublished")!, Cancel))!.Id);
    }

    private async Task<StoredDefinition> SaveAsync(JsonObject model, bool publish, string? session = null) =>
        (await _service.SaveAsync(model, publish, new ValidationOptions(), session, Cancel)).Definition;

    private static JsonObject New() => Defs.Workflow([Defs.WriteLine("a", "A")], []);

    /// <summary>What Studio sends back: the version as read (with its revision token), changed.</summary>
    private static JsonObject Edit(StoredDefinition version, string description)
    {
        var model = WorkflowDefinitionService.ReadDocument(version);
        model["customProperties"]![WorkflowDefinitionService.RevisionProperty] = version.Revision;
        model["description"] = description;
        return model;
    }
}
