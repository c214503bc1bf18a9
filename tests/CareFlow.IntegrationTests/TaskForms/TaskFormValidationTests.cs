using System.Net;
using System.Text.Json.Nodes;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;
using CareFlow.IntegrationTests.Care;
using CareFlow.IntegrationTests.Fuzz;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.IntegrationTests.TaskForms;

/// <summary>The broken answers every provider is tested with.</summary>
public static class TaskFormBrokenAnswers
{
    /// <summary>Each broken rule: the key it must name and the answer that breaks it (null: the answer left out).</summary>
    public static TheoryData<string, string, string?> BrokenAnswers => new()
    {
        { "textfield required", "name", null },
        { "textfield minLength", "name", "\"A\"" },
        { "textfield maxLength", "name", "\"Alexandrinax\"" },
        { "textfield pattern", "name", "\"ana\"" },
        { "textfield one line", "name", "\"An\\na\"" },
        { "textfield email", "email", "\"not-an-email\"" },
        { "textarea maxLength", "notes", "\"" + new string('x', 201) + "\"" },
        { "textarea not text", "notes", "{\"a\":1}" },
        { "number not a number", "count", "\"many\"" },
        { "number min", "count", "0" },
        { "number max", "count", "6" },
        { "number decimals", "count", "2.5" },
        { "checkbox required", "agree", "false" },
        { "checkbox not a boolean", "agree", "\"yes\"" },
        { "checklist required", "topics", "[]" },
        { "checklist unknown option", "topics", "[\"housing\",\"castle\"]" },
        { "radio required", "urgent", null },
        { "radio unknown option", "urgent", "\"maybe\"" },
        { "select unknown service", "service", "\"svc-nope\"" },
        { "date required", "on", null },
        { "date format", "on", "\"31/03/2026\"" },
        { "date impossible", "on", "\"2026-02-30\"" },
        { "time format", "at", "\"25:00\"" },
        { "required inside a group", "phone", "\"  \"" },
    };
}

/// <summary>
/// The server is the only judge of a task form's answers: through <c>POST /api/tasks/{id}/complete</c>, every field
/// type and rule refuses a broken answer with 400 problem+json naming <c>answers.&lt;key&gt;</c>, and nothing is written
/// (the task stays open, no submission); good answers complete the task once, stored with the pinned form version.
/// </summary>
public abstract class TaskFormValidationScenarios<T>(CareFlowApp<T> app)
    where T : CareFlowAppOptions, new()
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected async Task BrokenAnswer_Returns400NamingTheKey_AndWritesNothing(string rule, string key, string? json)
    {
        var (_, task) = await SetUpAsync();
        var answers = TaskFormRig.ValidAnswers();
        if (json is null) answers.Remove(key);
        else answers[key] = JsonNode.Parse(json);

        var (status, body) = await new CareApiClient(app.CreateApiClient()).PostRawAsync($"/api/tasks/{task.Id}/complete", new JsonObject { ["answers"] = answers }.ToJsonString());

        Assert.True(status == HttpStatusCode.BadRequest, $"{rule}: expected 400, got {(int)status} {body}");
        var errors = body!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("answers." + key), $"{rule}: expected errors to name answers.{key}; got {errors.ToJsonString()}");
        Assert.Single(errors);
        await AssertNothingWrittenAsync(task.Id);
    }

    protected async Task SeveralBrokenAnswers_AreAllNamed()
    {
        var (_, task) = await SetUpAsync();
        var answers = TaskFormRig.ValidAnswers();
        answers["count"] = 9;
        answers["urgent"] = "maybe";
        answers.Remove("phone");

        var (status, body) = await new CareApiClient(app.CreateApiClient()).PostRawAsync($"/api/tasks/{task.Id}/complete", new JsonObject { ["answers"] = answers }.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["answers.count", "answers.phone", "answers.urgent"], body!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        await AssertNothingWrittenAsync(task.Id);
    }

    protected async Task AnswersNotAnObject_Returns400()
    {
        var (_, task) = await SetUpAsync();
        var (status, body) = await new CareApiClient(app.CreateApiClient()).PostRawAsync($"/api/tasks/{task.Id}/complete", """{"answers": ["Ana"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]);
        await AssertNothingWrittenAsync(task.Id);
    }

    protected async Task GoodAnswers_CompleteTheTaskOnce_AndAreStoredWithTheFormVersion()
    {
        var (instanceId, task) = await SetUpAsync();
        var api = new CareApiClient(app.CreateApiClient());
        var listed = ((JsonArray)await api.GetAsync($"/api/tasks?caseId={task.CaseId}")).Single(t => (string?)t!["id"] == task.Id.ToString())!;
        Assert.Equal(task.FormId, (string?)listed["formId"]);
        Assert.Equal(1, (int?)listed["formVersion"]);
        var answers = TaskFormRig.ValidAnswers();
        answers["unknown"] = "dropped";

        var completed = await api.PostAsync($"/api/tasks/{task.Id}/complete", new JsonObject { ["answers"] = answers });

        Assert.Equal("Completed", (string?)completed["status"]);
        var stored = await app.WithDbAsync(db => db.Set<CoordinatorTask>().AsNoTracking().SingleAsync(t => t.Id == task.Id, Cancel));
        Assert.Equal(CoordinatorTaskStatus.Completed, stored.Status);
        Assert.Equal("api-key", stored.CompletedBy);
        var result = JsonNode.Parse(stored.ResultJson!)!.AsObject();
        Assert.False(result.ContainsKey("unknown"));
        Assert.Equal("Ana", (string?)result["name"]);
        var submission = await app.WithDbAsync(db => db.Set<FormSubmission>().AsNoTracking().SingleAsync(s => s.TaskId == task.Id, Cancel));
        Assert.Equal((task.FormId, 1, task.CaseId, "api-key"), (submission.FormId, submission.FormVersion, submission.CaseId, submission.SubmittedBy));
        Assert.True(JsonNode.DeepEquals(result, JsonNode.Parse(submission.AnswersJson)));

        // Completed twice: refused, nothing more written.
        var (again, body) = await api.PostRawAsync($"/api/tasks/{task.Id}/complete", new JsonObject { ["answers"] = TaskFormRig.ValidAnswers() }.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.NotNull(body!["errors"]!["status"]);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<FormSubmission>().CountAsync(s => s.TaskId == task.Id, Cancel)));
        Assert.NotNull(instanceId);
    }

    protected async Task<(string InstanceId, CoordinatorTask Task)> SetUpAsync()
    {
        var api = new CareApiClient(app.CreateApiClient());
        if (await app.WithDbAsync(db => db.Set<CareFlow.Core.Care.Directory.Service>().CountAsync(Cancel)) == 0) await api.ImportDirectoryAsync();
        var formId = "tf-" + Guid.NewGuid().ToString("N")[..10];
        await TaskFormRig.PublishAsync(app, TaskFormRig.Schema(formId));
        var caseId = await TaskFormRig.IntakeAsync(api);
        var started = await TaskFormRig.StartAsync(app, caseId, formId);
        Assert.Equal((formId, 1), (started.Task.FormId, started.Task.FormVersion));
        return started;
    }

    private async Task AssertNothingWrittenAsync(Guid taskId)
    {
        var stored = await app.WithDbAsync(db => db.Set<CoordinatorTask>().AsNoTracking().SingleAsync(t => t.Id == taskId, Cancel));
        Assert.Equal(CoordinatorTaskStatus.Open, stored.Status);
        Assert.Null(stored.ResultJson);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<FormSubmission>().CountAsync(s => s.TaskId == taskId, Cancel)));
    }
}

/// <summary>Task form answers judged on PostgreSQL.</summary>
[Collection("care")]
public sealed class TaskFormValidationPostgresTests(CareFlowApp<CareApp> app) : TaskFormValidationScenarios<CareApp>(app), IAsyncLifetime
{
    private readonly CareFlowApp<CareApp> _app = app;

    public async ValueTask InitializeAsync() => await _app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [MemberData(nameof(TaskFormBrokenAnswers.BrokenAnswers), MemberType = typeof(TaskFormBrokenAnswers))]
    public Task BrokenAnswer_Returns400NamingTheKey_AndWritesNothing_OnPostgres(string rule, string key, string? json) =>
        BrokenAnswer_Returns400NamingTheKey_AndWritesNothing(rule, key, json);

    [Fact]
    public Task SeveralBrokenAnswers_AreAllNamed_OnPostgres() => SeveralBrokenAnswers_AreAllNamed();

    [Fact]
    public Task AnswersNotAnObject_Returns400_OnPostgres() => AnswersNotAnObject_Returns400();

    [Fact]
    public Task GoodAnswers_CompleteTheTaskOnce_AndAreStoredWithTheFormVersion_OnPostgres() => GoodAnswers_CompleteTheTaskOnce_AndAreStoredWithTheFormVersion();
}

/// <summary>Task form answers judged on the embedded default (SQLite).</summary>
public sealed class TaskFormValidationSqliteTests(CareFlowApp<SqliteCareApp> app) : TaskFormValidationScenarios<SqliteCareApp>(app), IClassFixture<CareFlowApp<SqliteCareApp>>
{
    [Theory]
    [MemberData(nameof(TaskFormBrokenAnswers.BrokenAnswers), MemberType = typeof(TaskFormBrokenAnswers))]
    public Task BrokenAnswer_Returns400NamingTheKey_AndWritesNothing_OnSqlite(string rule, string key, string? json) =>
        BrokenAnswer_Returns400NamingTheKey_AndWritesNothing(rule, key, json);

    [Fact]
    public Task SeveralBrokenAnswers_AreAllNamed_OnSqlite() => SeveralBrokenAnswers_AreAllNamed();

    [Fact]
    public Task AnswersNotAnObject_Returns400_OnSqlite() => AnswersNotAnObject_Returns400();

    [Fact]
    public Task GoodAnswers_CompleteTheTaskOnce_AndAreStoredWithTheFormVersion_OnSqlite() => GoodAnswers_CompleteTheTaskOnce_AndAreStoredWithTheFormVersion();
}
