using System.Net;
using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Pages.Tasks;

/// <summary>
/// The task page renders a task's form as plain accessible HTML (every field type, its label, help, required marker),
/// judges a submit on the server (errors next to the field, values kept, nothing written), completes the task, and
/// shows answers encoded; it is caseload-checked, and supervisor-only tasks are for supervisors only.
/// </summary>
[Collection("pages")]
public sealed class TaskPageTests(CareFlowApp<PagesApp> app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(Guid Task, Guid Case, string FormId)> SeedAsync(string coordinator = PagesApp.Coordinator, CoordinatorTaskKind kind = CoordinatorTaskKind.General, bool withForm = true)
    {
        var formId = "tp-" + Guid.NewGuid().ToString("N")[..10];
        if (withForm)
        {
            await app.WithServicesAsync(async services =>
            {
                var forms = services.GetRequiredService<FormCatalog>();
                await forms.SaveDraftAsync(formId, TaskFormSamples.Schema(formId), null, "form-designer", Cancel);
                return await forms.PublishAsync(formId, null, "form-designer", Cancel);
            });
        }

        var taskId = Guid.NewGuid();
        var caseId = Guid.Empty;
        await app.SeedAsync(data =>
        {
            var @case = PagesApp.AddCase(data, coordinator, "Lina", "Moreau");
            caseId = @case.Id;
            data.Add(new CoordinatorTask
            {
                Id = taskId, CaseId = @case.Id, Kind = kind, Title = "Check in with Lina " + formId, Description = "Ask about the rent.",
                CreatedAt = DateTimeOffset.UtcNow, DueAt = DateTimeOffset.UtcNow.AddDays(1), Status = CoordinatorTaskStatus.Open,
                FormId = withForm ? formId : null, FormVersion = withForm ? 1 : null,
            });
        }, Cancel);
        return (taskId, caseId, formId);
    }

    private static Dictionary<string, string> GoodFields() => new()
    {
        ["answers.name"] = "Ana", ["answers.notes"] = "<script>alert('x')</script> rent", ["answers.count"] = "2", ["answers.agree"] = "true",
        ["answers.topics"] = "housing", ["answers.urgent"] = "no", ["answers.on"] = "2026-03-31", ["answers.phone"] = "555-0100",
    };

    private async Task<CoordinatorTask> TaskAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<ICareData>();
        return (await data.FirstOrDefaultAsync(data.Query<CoordinatorTask>().Where(t => t.Id == id), Cancel))!;
    }

    private async Task<int> SubmissionsAsync(Guid taskId) => await app.CountAsync<FormSubmission>(q => q.Where(s => s.TaskId == taskId));

    [Fact]
    public async Task TaskPage_RendersEveryFieldType_AsPlainAccessibleHtml()
    {
        var (task, _, _) = await SeedAsync();
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        var html = await client.GetStringAsync($"/tasks/{task}", Cancel);

        Assert.Contains("Ask about the rent.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("validation-summary-errors", html, StringComparison.Ordinal);
        Assert.Contains("<p>Before you start</p>", html, StringComparison.Ordinal);
        Assert.Contains("Ask the client &lt;b&gt;first&lt;/b&gt;.", html, StringComparison.Ordinal);
        Assert.Matches("<label for=\"f-name\">Preferred name\\s*<span class=\"required\">\\(required\\)</span>\\s*</label>", html);
        Assert.Matches("<input type=\"text\" id=\"f-name\" name=\"answers.name\" value=\"\" maxlength=\"10\" minlength=\"2\"\\s+required=\"required\" aria-describedby=\"f-name-help\"", html);
        Assert.Contains("<p id=\"f-name-help\" class=\"hint\">As the client wants to be called.</p>", html, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"f-notes\" name=\"answers.notes\" rows=\"4\" maxlength=\"200\"", html);
        Assert.Matches("<input type=\"number\" id=\"f-count\" name=\"answers.count\" value=\"\" min=\"1\" max=\"5\"\\s+step=\"1\"", html);
        Assert.Matches("<input type=\"checkbox\" id=\"f-agree\" name=\"answers.agree\" value=\"true\"", html);
        Assert.Matches("<fieldset class=\"form-field form-choices\" id=\"f-topics\">\\s*<legend>Topics\\s*<span class=\"required\">\\(required\\)</span>\\s*</legend>", html);
        Assert.Matches("<input type=\"checkbox\" id=\"f-topics-0\" name=\"answers.topics\" value=\"housing\"", html);
        Assert.Matches("<input type=\"radio\" id=\"f-urgent-1\" name=\"answers.urgent\" value=\"no\"", html);
        Assert.Matches("<select id=\"f-service\" name=\"answers.service\"[^>]*>\\s*<option value=\"\">Choose…</option>", html);
        Assert.Matches("<input type=\"date\" id=\"f-on\" name=\"answers.on\"", html);
        Assert.Matches("<input type=\"time\" id=\"f-at\" name=\"answers.at\"", html);
        Assert.Matches("<fieldset class=\"form-group\" id=\"f-g-contact\">\\s*<legend>Contact</legend>", html);
        Assert.Matches("<form method=\"post\" class=\"stacked task-form\" novalidate>", html);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithABrokenAnswer_ShowsTheErrorNextToTheField_KeepsTheValues_AndWritesNothing()
    {
        var (task, _, _) = await SeedAsync();
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        var fields = GoodFields();
        fields["answers.name"] = "ana";
        fields["answers.count"] = "9";

        using var response = await Forms.PostFormAsync(client, $"/tasks/{task}", $"/tasks/{task}", fields, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p id=\"f-name-error\" class=\"field-error\">Enter this in the expected format.</p>", html, StringComparison.Ordinal);
        Assert.Matches("id=\"f-name\" name=\"answers.name\" value=\"ana\"[^>]*aria-invalid=\"true\" aria-describedby=\"f-name-help f-name-error\"", html);
        Assert.Contains("<p id=\"f-count-error\" class=\"field-error\">Enter a number between 1 and 5.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#f-name\">Preferred name: Enter this in the expected format.</a>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; rent</textarea>", html, StringComparison.Ordinal);
        Assert.Matches("value=\"no\" checked=\"checked\"", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(CoordinatorTaskStatus.Open, (await TaskAsync(task)).Status);
        Assert.Equal(0, await SubmissionsAsync(task));
    }

    [Fact]
    public async Task Submit_WithGoodAnswers_CompletesTheTask_AndTheCaseShowsTheAnswersEncoded()
    {
        var (task, caseId, formId) = await SeedAsync();
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);

        using var response = await Forms.PostFormAsync(client, $"/tasks/{task}", $"/tasks/{task}", GoodFields(), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cases/{caseId}?completedTask={task}", response.Headers.Location!.OriginalString);
        var stored = await TaskAsync(task);
        Assert.Equal((CoordinatorTaskStatus.Completed, PagesApp.Coordinator), (stored.Status, stored.CompletedBy));
        var answers = JsonNode.Parse(stored.ResultJson!)!;
        Assert.Equal("<script>alert('x')</script> rent", (string?)answers["notes"]);
        Assert.Equal(2, (int?)answers["count"]);
        Assert.Equal(1, await SubmissionsAsync(task));

        var casePage = await client.GetStringAsync(response.Headers.Location!.OriginalString, Cancel);
        Assert.Contains("Task completed: Check in with Lina " + formId, casePage, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"answer\">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; rent</dd>", casePage, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"answer\">No</dd>", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", casePage, StringComparison.OrdinalIgnoreCase);
        var taskPage = await client.GetStringAsync($"/tasks/{task}", Cancel);
        Assert.Contains("<dd class=\"answer\">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; rent</dd>", taskPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" class=\"stacked task-form\"", taskPage, StringComparison.Ordinal);

        // Completed twice: refused on the page, nothing more written.
        using var again = await Forms.PostFormAsync(client, $"/tasks/{task}", $"/tasks/{task}", GoodFields(), Cancel);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await SubmissionsAsync(task));
    }

    [Fact]
    public async Task TaskPage_Is404_ForAnotherCoordinatorsTask_OnGetAndPost()
    {
        var (theirs, _, _) = await SeedAsync(PagesApp.OtherCoordinator);
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        using var get = await client.GetAsync($"/tasks/{theirs}", Cancel);
        using var post = await Forms.PostFormAsync(client, "/tasks", $"/tasks/{theirs}", GoodFields(), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(CoordinatorTaskStatus.Open, (await TaskAsync(theirs)).Status);
        Assert.Equal(0, await SubmissionsAsync(theirs));
    }

    [Fact]
    public async Task SupervisorOnlyTask_IsForSupervisorsOnly()
    {
        var (task, _, _) = await SeedAsync(kind: CoordinatorTaskKind.SupervisorDuplicateReview, withForm: false);
        using var coordinator = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        using var supervisor = await app.SignInAsync(PagesApp.Supervisor, Cancel);
        using var hidden = await coordinator.GetAsync($"/tasks/{task}", Cancel);
        using var shown = await supervisor.GetAsync($"/tasks/{task}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("Complete the task", await shown.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_LinksEachTaskToItsPage_AndSendsFormTasksThere()
    {
        var (withForm, _, formId) = await SeedAsync();
        var (choose, _, _) = await SeedAsync(kind: CoordinatorTaskKind.ChooseService, withForm: false);
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        var html = await client.GetStringAsync("/tasks", Cancel);
        Assert.Contains($"<a href=\"/tasks/{withForm}\">Check in with Lina {formId}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"button\" href=\"/tasks/{withForm}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/tasks/{choose}\">", html, StringComparison.Ordinal);
        Assert.Contains($"complete-{choose:N}-service", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"complete-{withForm:N}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("validation-summary-errors", html, StringComparison.Ordinal);
        Assert.DoesNotContain("serviceId", html, StringComparison.Ordinal);
    }
}
