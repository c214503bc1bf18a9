using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Workflows;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareFlow.BrowserTests;

/// <summary>
/// The designer's journey in real Chromium, with no API call by the people: the designer builds a form in the form-js
/// editor and publishes it, then in Elsa Studio drops a "Create coordinator task" on a new workflow, connects it, gives
/// it a title, picks the new form in its Form dropdown and publishes. The workflow is started on a client's case (setup,
/// not a person's action); the coordinator finds the task in the inbox, fills in the designer's form and submits; the
/// answer is on the case and the workflow has finished. Screenshots: journey-NN-step.png.
/// </summary>
[Collection("coordinator")]
public sealed class DesignerJourneyTests(CoordinatorAppFixture app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Designer_BuildsAFormAndATaskWorkflow_InTheBrowser_AndTheCoordinatorCompletesIt()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var formId = "journey-" + suffix;
        var formName = "Urgency check " + suffix;
        var definitionId = "journey-wf-" + suffix;
        var title = "Ask about urgency " + suffix;

        // 1. The form, in the form-js editor.
        await using var designerContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
        });
        var page = await designerContext.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var origin = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        var externalRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
                externalRequests.Add(request.Url);
        };
        await SignInAsync(page, CoordinatorAppFixture.DesignerUser);
        await page.GotoAsync("/designer/forms");
        await page.GetByRole(AriaRole.Link, new() { Name = "New form", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/designer/forms/new");
        await page.Locator(".fjs-palette-field[data-field-type=textfield]").WaitForAsync();
        await Expect(page.Locator("#fd-status")).Not.ToHaveTextAsync("Loading the editor…");
        await DragTextFieldAsync(page);
        var field = FormFields(page).First;
        if (!await field.EvaluateAsync<bool>("f => f.classList.contains('fjs-editor-selected')"))
            await field.ClickAsync(new() { Position = new() { X = 10, Y = 10 } }); // a click on a selected field unselects it
        await Expect(field).ToHaveClassAsync(new Regex("\\bfjs-editor-selected\\b"));
        var general = page.Locator(".fjs-properties-container .bio-properties-panel-group-header:has(.bio-properties-panel-group-header-title:text-is('General'))");
        if (!await general.EvaluateAsync<bool>("h => h.classList.contains('open')"))
            await general.ClickAsync();
        await SetPropertyAsync(page, "Field label", "How urgent is it?");
        await SetPropertyAsync(page, "Key", "urgency");
        await page.FillAsync("#fd-form-id", formId);
        await page.FillAsync("#fd-form-name", formName);
        await page.Locator("#fd-save").ClickAsync();
        await Expect(page.Locator("#fd-status")).ToHaveTextAsync("Saved as version 1 (draft).");
        await page.Locator("#fd-publish").ClickAsync();
        await Expect(page.Locator("#fd-status")).ToHaveTextAsync("Published version 1.");
        await Shot(page, "form-published");

        // 2. The workflow, in Elsa Studio.
        var editor = new StudioEditor(page);
        await editor.OpenAsync(definitionId);
        const string task = "CareFlow.CreateCoordinatorTask";
        await editor.DragToCanvasAsync("CareFlow", "Create coordinator task", 650, 200);
        await editor.Node(task).WaitForAsync();
        await editor.WaitForSaveAsync(() => editor.ConnectAsync("Elsa.Start", "Done", task));
        Assert.Equal(1, await editor.Edges.CountAsync());
        await editor.Node(task).ClickAsync(new() { Force = true });
        var titleInput = page.Locator(".mud-input-control:has(label:text-is('Title')) :is(textarea, input)").First;
        await editor.WaitForSaveAsync(async () =>
        {
            await titleInput.FillAsync(title);
            await titleInput.PressAsync("Tab");
        });
        await Shot(page, "title-set");
        await editor.WaitForSaveAsync(async () =>
        {
            await page.Locator(".mud-input-control:has(> .mud-input-control-input-container > label:text-is('Form')) .mud-input-slot[tabindex='0']").First.ClickAsync();
            await page.Locator(".mud-popover-open").GetByText(formName).First.ClickAsync();
        });
        await Shot(page, "task-configured");
        var publish = await editor.WaitForSaveAsync(() => editor.PublishButton.ClickAsync());
        Assert.Equal(200, publish.Status);
        await editor.Snackbar("Workflow published").WaitForAsync();
        await Shot(page, "workflow-published");
        Assert.Empty(externalRequests);

        // Setup, not a person's action: a client on the coordinator's caseload, and the published workflow started on the case.
        var (caseId, instanceId) = await StartOnNewCaseAsync(definitionId);
        var taskId = await app.App.WithDbAsync(db =>
            db.Set<CoordinatorTask>().Where(t => t.WorkflowInstanceId == instanceId).Select(t => t.Id).SingleAsync(Cancel));

        // 3. The coordinator completes the task with the designer's form.
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var coordinator = await context.NewPageAsync();
        coordinator.SetDefaultTimeout(30_000);
        try
        {
            await SignInAsync(coordinator, CoordinatorAppFixture.CoordinatorUser);
            await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "My caseload" })).ToBeVisibleAsync();
            await coordinator.GotoAsync("/tasks");
            await coordinator.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
            await Expect(coordinator).ToHaveURLAsync(new Regex($"/tasks/{taskId}$"));
            await coordinator.GetByLabel("How urgent is it?").FillAsync("urgent: the rent is due tomorrow");
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Submit and complete the task" }).ClickAsync();
            await Expect(coordinator).ToHaveURLAsync(new Regex($"/cases/{caseId}\\?completedTask={taskId}$"));
            await Expect(coordinator.GetByRole(AriaRole.Status).Filter(new() { HasText = "Task completed: " + title })).ToBeVisibleAsync();
            await coordinator.Locator("details summary").Filter(new() { HasText = title }).ClickAsync();
            await Expect(coordinator.Locator("dd.answer").Filter(new() { HasText = "urgent: the rent is due tomorrow" })).ToBeVisibleAsync();
            await coordinator.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDirectory, "journey-coordinator-case.png"), FullPage = true });
        }
        catch
        {
            await coordinator.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDirectory, "journey-coordinator-failure.png"), FullPage = true });
            throw;
        }

        var status = await app.App.WithDbAsync(db => db.Set<CoordinatorTask>().Where(t => t.Id == taskId).Select(t => t.Status).SingleAsync(Cancel));
        Assert.Equal(CoordinatorTaskStatus.Completed, status);
        var state = await app.App.WithServicesAsync(async services => (await services.GetRequiredService<IWorkflowRuntime>().FindAsync(instanceId, Cancel))!);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
    }

    private static ILocator FormFields(IPage page) =>
        page.Locator(".fjs-editor-container .fjs-form .fjs-element[data-id]:not([data-field-type=default])");

    /// <summary>Drags the text field from form-js's palette onto the form with the mouse.</summary>
    private static async Task DragTextFieldAsync(IPage page)
    {
        var source = page.Locator(".fjs-palette-field[data-field-type='textfield']");
        await source.ScrollIntoViewIfNeededAsync();
        var from = (await source.BoundingBoxAsync())!;
        var to = (await page.Locator(".fjs-editor-container .fjs-form-container .fjs-drop-container-vertical").First.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + from.Width / 2 + 20, from.Y + from.Height / 2 + 5, new() { Steps = 5 });
        var dropY = to.Y + to.Height - 20;
        await page.Mouse.MoveAsync(to.X + to.Width / 2, dropY, new() { Steps = 20 });
        await page.Mouse.MoveAsync(to.X + to.Width / 2 + 5, dropY + 2, new() { Steps = 3 });
        await page.Mouse.UpAsync();
        await Expect(FormFields(page)).ToHaveCountAsync(1);
    }

    private static async Task SetPropertyAsync(IPage page, string label, string value)
    {
        var input = page.Locator(".fjs-properties-container").GetByLabel(label, new() { Exact = true });
        await input.ClickAsync();
        await input.PressAsync("Control+A");
        await input.PressAsync("Delete");
        await input.PressSequentiallyAsync(value);
        await input.PressAsync("Tab");
    }

    private async Task<(string CaseId, string InstanceId)> StartOnNewCaseAsync(string definitionId)
    {
        using var api = app.CreateApiClient();
        using var intake = await api.PostAsJsonAsync("/api/clients/intake", new
        {
            givenName = "Rosa", familyName = "Amadi", dateOfBirth = "1979-02-11", phone = "555-310-4411", coordinatorId = CoordinatorAppFixture.CoordinatorUser,
        }, Cancel);
        Assert.True(intake.IsSuccessStatusCode, await intake.Content.ReadAsStringAsync(Cancel));
        var caseId = (string)(await intake.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["caseId"]!;
        var instanceId = await app.App.WithServicesAsync(async services => (await services.GetRequiredService<IWorkflowRuntime>().StartAsync(
            definitionId, VersionOptions.Published, new StartWorkflowRequest { Name = definitionId, Input = new JsonObject { ["caseId"] = caseId } }, Cancel))!.Id);
        return (caseId, instanceId);
    }

    private int _shot;

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(CoordinatorAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    private async Task Shot(IPage page, string step)
    {
        _shot++;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDirectory, $"journey-{_shot:D2}-{step}.png") });
    }
}
