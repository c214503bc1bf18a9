using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;
using CareFlow.Core.Workflows;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareFlow.BrowserTests;

/// <summary>
/// A task with a form, in real Chromium and without JavaScript of the app's own: the coordinator opens it from the task
/// inbox, submits a broken answer and sees the error next to the field (values kept), fixes it, submits, lands on the
/// case with a notice and the answers (markup shown as text), and the workflow has moved on by the answer. axe-core
/// finds no serious or critical violation on the form, with and without errors. Screenshots: task-form-NN-name.png.
/// </summary>
[Collection("coordinator")]
public sealed class TaskFormPageTests(CoordinatorAppFixture app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private int _shot;

    [Fact]
    public async Task TaskPage_ShowsErrorsNextToFields_ThenCompletesTheTask_AndTheWorkflowMovesOn()
    {
        var axe = await File.ReadAllTextAsync(RepositoryRoot.Combine("tests", "CareFlow.BrowserTests", "axe", "node_modules", "axe-core", "axe.min.js"), Cancel);
        var formId = "tf-browser-" + Guid.NewGuid().ToString("N")[..8];
        var title = "Record the check-in " + formId[^8..];
        var (caseId, instanceId, taskId) = await StartTaskAsync(formId, title);
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), BypassCSP = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        try
        {
            await page.GotoAsync("/account/sign-in");
            await page.GetByLabel("User name").FillAsync(CoordinatorAppFixture.CoordinatorUser);
            await page.GetByLabel("Password").FillAsync(CoordinatorAppFixture.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My caseload" })).ToBeVisibleAsync();

            // The inbox links to the task page; no developer text there.
            await page.GotoAsync("/tasks");
            Assert.DoesNotContain("{\"", await page.ContentAsync(), StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/tasks/{taskId}$"));
            await Expect(page.GetByText("Ask the client <b>first</b>.")).ToBeVisibleAsync();
            Assert.Empty(await page.Locator(".validation-summary-errors").AllAsync());
            await ShotAsync(page, "open");
            AssertNoSerious(await AccessibilityTests.SeriousViolationsAsync(page, axe), "the task form");

            // A broken answer: the error is next to its field, the summary links to it, the other answers are kept.
            await page.GotoAsync($"/tasks/{taskId}");
            await page.GetByLabel("Preferred name").FillAsync("ana");
            await page.GetByLabel("What was discussed").FillAsync("<script>alert('x')</script> rent is due");
            await page.GetByLabel("Visits").FillAsync("2");
            await page.GetByLabel("The client agreed").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Topics" }).GetByLabel("Housing").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Urgent?" }).GetByLabel("No").CheckAsync();
            await page.GetByLabel("Next meeting").FillAsync("2026-03-31");
            await page.GetByLabel("Phone").FillAsync("555-0100");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit and complete the task" }).ClickAsync();

            var name = page.GetByLabel("Preferred name");
            await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator("#f-name-error")).ToHaveTextAsync("Enter this in the expected format.");
            Assert.Contains("f-name-error", await name.GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
            Assert.Contains("f-name-help", await name.GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
            await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Preferred name: Enter this in the expected format." })).ToBeVisibleAsync();
            await Expect(name).ToHaveValueAsync("ana");
            await Expect(page.GetByLabel("What was discussed")).ToHaveValueAsync("<script>alert('x')</script> rent is due");
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Urgent?" }).GetByLabel("No")).ToBeCheckedAsync();
            Assert.Equal(1, await page.Locator(".field-error").CountAsync());
            await ShotAsync(page, "error");
            AssertNoSerious(await AccessibilityTests.SeriousViolationsAsync(page, axe), "the task form with an error");
            Assert.Equal(CoordinatorTaskStatus.Open, await StatusAsync(taskId));

            // Fixed: the task completes, the case page says so and shows the answers as text.
            await page.GotoAsync(page.Url); // a fresh page without the injected axe script
            await page.GetByLabel("Preferred name").FillAsync("Ana");
            await page.GetByLabel("What was discussed").FillAsync("<script>alert('x')</script> rent is due");
            await page.GetByLabel("The client agreed").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Topics" }).GetByLabel("Housing").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Urgent?" }).GetByLabel("No").CheckAsync();
            await page.GetByLabel("Next meeting").FillAsync("2026-03-31");
            await page.GetByLabel("Phone").FillAsync("555-0100");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit and complete the task" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/cases/{caseId}\\?completedTask={taskId}$"));
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Task completed: " + title })).ToBeVisibleAsync();
            await page.Locator("details summary").Filter(new() { HasText = title }).ClickAsync(); // opens the answers
            await Expect(page.Locator("dd.answer").Filter(new() { HasText = "<script>alert('x')</script> rent is due" })).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("dd.answer script").CountAsync());
            await ShotAsync(page, "case");
            Assert.Equal(CoordinatorTaskStatus.Completed, await StatusAsync(taskId));

            // The workflow moved on, down the branch the answer chose.
            var state = await app.App.WithServicesAsync(async services => (await services.GetRequiredService<IWorkflowRuntime>().FindAsync(instanceId, Cancel))!);
            Assert.Equal(WorkflowStatus.Finished, state.Status);
            Assert.Equal("routine", (string?)state.Variables["v-branch"]);

            // The completed task's page shows the answers, encoded.
            await page.GotoAsync($"/tasks/{taskId}");
            await Expect(page.Locator("dd.answer").Filter(new() { HasText = "<script>alert('x')</script> rent is due" })).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("dd.answer script").CountAsync());
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDirectory, "task-form-failure.png"), FullPage = true });
            throw;
        }
    }

    private static void AssertNoSerious(List<string> serious, string where) =>
        Assert.True(serious.Count == 0, $"axe found {serious.Count} serious or critical violation(s) on {where}:\n  {string.Join("\n  ", serious)}");

    /// <summary>A published form, a client on the coordinator's caseload, and the branching workflow started on the case.</summary>
    private async Task<(string CaseId, string InstanceId, Guid TaskId)> StartTaskAsync(string formId, string title)
    {
        using var api = app.CreateApiClient();
        using var intake = await api.PostAsJsonAsync("/api/clients/intake", new
        {
            givenName = "Mina", familyName = "Osei", dateOfBirth = "1984-06-07", phone = "555-310-2211", coordinatorId = CoordinatorAppFixture.CoordinatorUser,
        }, Cancel);
        Assert.True(intake.IsSuccessStatusCode, await intake.Content.ReadAsStringAsync(Cancel));
        var caseId = (string)(await intake.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["caseId"]!;
        var definitionId = "task-form-" + formId;
        var instanceId = await app.App.WithServicesAsync(async services =>
        {
            var forms = services.GetRequiredService<FormCatalog>();
            await forms.SaveDraftAsync(formId, TaskFormSamples.Schema(formId), null, "form-designer", Cancel);
            await forms.PublishAsync(formId, null, "form-designer", Cancel);
            await services.GetRequiredService<WorkflowDefinitionService>().SaveAsync(TaskFormSamples.Workflow(definitionId, caseId, formId, title), publish: true, new ValidationOptions(), Cancel);
            return (await services.GetRequiredService<IWorkflowRuntime>().StartAsync(definitionId, VersionOptions.Published, new StartWorkflowRequest { Name = definitionId }, Cancel))!.Id;
        });
        var taskId = await TaskIdAsync(instanceId);
        return (caseId, instanceId, taskId);
    }

    private Task<Guid> TaskIdAsync(string instanceId) => app.App.WithDbAsync(db =>
        db.Set<CoordinatorTask>().Where(t => t.WorkflowInstanceId == instanceId).Select(t => t.Id).SingleAsync(Cancel));

    private Task<CoordinatorTaskStatus> StatusAsync(Guid taskId) => app.App.WithDbAsync(db =>
        db.Set<CoordinatorTask>().Where(t => t.Id == taskId).Select(t => t.Status).SingleAsync(Cancel));

    private async Task ShotAsync(IPage page, string name)
    {
        _shot++;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDirectory, $"task-form-{_shot:D2}-{name}.png"), FullPage = true });
    }
}
