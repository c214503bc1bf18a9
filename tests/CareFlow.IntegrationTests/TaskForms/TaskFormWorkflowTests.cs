using System.Net;
using System.Text.Json.Nodes;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;
using CareFlow.Core.Workflows;
using CareFlow.IntegrationTests.Care;
using CareFlow.IntegrationTests.Security;
using CareFlow.Web.Security;
using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.TaskForms;

/// <summary>
/// A form's answers drive the workflow: the task's <c>Result</c> output, captured in a variable, is read by
/// <c>Elsa.SetVariable</c> and branched on by <c>Elsa.FlowDecision</c> through JavaScript; a form without a published
/// version faults the step; a case reassigned away from a coordinator takes its tasks with it.
/// </summary>
[Collection("care")]
public sealed class TaskFormWorkflowTests(CareFlowApp<CareApp> app) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("yes", "urgent")]
    [InlineData("no", "routine")]
    public async Task Answers_AreTheTaskResult_ReadBySetVariable_AndBranchedOnByFlowDecision(string urgent, string branch)
    {
        using var http = app.Api();
        var api = new CareApiClient(http);
        await api.ImportDirectoryAsync();
        var formId = "tf-" + Guid.NewGuid().ToString("N")[..10];
        await TaskFormRig.PublishAsync(app, TaskFormRig.Schema(formId));
        var (instanceId, task) = await TaskFormRig.StartAsync(app, await TaskFormRig.IntakeAsync(api), formId);
        var answers = TaskFormRig.ValidAnswers();
        answers["urgent"] = urgent;
        answers["notes"] = "Rent is due on the 5th.";

        await api.PostAsync($"/api/tasks/{task.Id}/complete", new JsonObject { ["answers"] = answers });

        var state = await StateAsync(instanceId);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Empty(state.Incidents);
        var captured = Assert.IsType<JsonObject>(state.Variables["v-answers"]);
        Assert.Equal(urgent, (string?)captured["urgent"]);
        Assert.Equal(2, (int?)captured["count"]);
        Assert.Equal("Rent is due on the 5th.", (string?)state.Variables["v-notes"]);
        Assert.Equal(branch, (string?)state.Variables["v-branch"]);
    }

    [Fact]
    public async Task FormWithoutAPublishedVersion_FaultsTheStep_NamingTheForm()
    {
        using var http = app.Api();
        var api = new CareApiClient(http);
        var formId = "tf-unpublished-" + Guid.NewGuid().ToString("N")[..6];
        await app.WithServicesAsync(async services =>
            await services.GetRequiredService<FormCatalog>().SaveDraftAsync(formId, TaskFormRig.Schema(formId), null, "form-designer", Cancel));
        var caseId = await TaskFormRig.IntakeAsync(api);
        var definitionId = "task-form-" + Guid.NewGuid().ToString("N")[..10];

        var state = await app.WithServicesAsync(async services =>
        {
            await services.GetRequiredService<CareFlow.Workflows.Management.WorkflowDefinitionService>()
                .SaveAsync(TaskFormRig.Workflow(definitionId, caseId, formId), publish: true, new CareFlow.Workflows.Definitions.ValidationOptions(), Cancel);
            return await services.GetRequiredService<IWorkflowRuntime>().StartAsync(definitionId, CareFlow.Workflows.Management.VersionOptions.Published,
                new StartWorkflowRequest { Name = definitionId }, Cancel);
        });

        Assert.Equal(WorkflowSubStatus.Faulted, state!.SubStatus);
        var incident = Assert.Single(state.Incidents);
        Assert.Contains(formId, incident.Message, StringComparison.Ordinal);
        Assert.Contains("no published version", incident.Message, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<CoordinatorTask>().AnyAsync(t => t.WorkflowInstanceId == state.Id, Cancel)));
    }

    [Fact]
    public async Task CaseReassignedAway_TheOldCoordinatorCannotCompleteItsTask_AndNothingChanges()
    {
        const string Old = "tf-old-coordinator", New = "tf-new-coordinator";
        await CaseloadRig.CreateUserAsync(app, Old, CareFlowRoles.Coordinator);
        await CaseloadRig.CreateUserAsync(app, New, CareFlowRoles.Coordinator);
        using var http = app.Api();
        var api = new CareApiClient(http);
        await api.ImportDirectoryAsync();
        var formId = "tf-" + Guid.NewGuid().ToString("N")[..10];
        await TaskFormRig.PublishAsync(app, TaskFormRig.Schema(formId));
        var caseId = await TaskFormRig.IntakeAsync(api, Old);
        var (_, task) = await TaskFormRig.StartAsync(app, caseId, formId);
        using var old = await CaseloadRig.SignInAsync(app, Old);
        using (var before = await old.GetAsync($"/tasks/{task.Id}", Cancel))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await app.WithDbAsync(async db =>
        {
            var @case = await db.Set<Case>().SingleAsync(c => c.Id == Guid.Parse(caseId), Cancel);
            @case.CoordinatorId = New;
            @case.CoordinatorName = New;
            return await db.SaveChangesAsync(Cancel);
        });
        var page = await old.GetAsync($"/tasks/{task.Id}", Cancel);
        var antiforgery = Forms.Token(await old.GetStringAsync("/tasks", Cancel));
        using var content = new StringContent(new JsonObject { ["answers"] = TaskFormRig.ValidAnswers() }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var viaApi = await old.PostAsync($"/api/tasks/{task.Id}/complete", content, Cancel);
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery), new("answers.name", "Ana"), new("answers.urgent", "yes")]);
        using var viaPage = await old.PostAsync($"/tasks/{task.Id}", form, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains(viaApi.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Contains(viaPage.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        var stored = await app.WithDbAsync(db => db.Set<CoordinatorTask>().AsNoTracking().SingleAsync(t => t.Id == task.Id, Cancel));
        Assert.Equal(CoordinatorTaskStatus.Open, stored.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<FormSubmission>().CountAsync(s => s.TaskId == task.Id, Cancel)));
        page.Dispose();
    }

    private Task<WorkflowState> StateAsync(string instanceId) => app.WithServicesAsync(async services =>
        (await services.GetRequiredService<IWorkflowRuntime>().FindAsync(instanceId, Cancel))!);
}
