using System.Net;
using System.Text.Json.Nodes;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;
using CareFlow.Core.Workflows;
using CareFlow.IntegrationTests.Care;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.TaskForms;

/// <summary>
/// A form with every field type and rule, published through the real form catalogue, and a workflow whose
/// <c>CareFlow.CreateCoordinatorTask</c> uses it on a case taken in through the API; the task's answers are captured
/// in the <c>Answers</c> variable, copied with <c>Elsa.SetVariable</c> and branched on by <c>Elsa.FlowDecision</c>.
/// </summary>
internal static class TaskFormRig
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The form with every field type and rule (<see cref="TaskFormSamples.Schema"/>).</summary>
    public static JsonObject Schema(string formId) => TaskFormSamples.Schema(formId);

    /// <summary>Answers that keep every rule, naming the sample directory's Harbor service.</summary>
    public static JsonObject ValidAnswers() => TaskFormSamples.ValidAnswers(CareSamples.HarborService);

    /// <summary>Saves and publishes <paramref name="schema"/> through the form catalogue.</summary>
    public static Task PublishAsync<T>(CareFlowApp<T> app, JsonObject schema)
        where T : CareFlowAppOptions, new() => app.WithServicesAsync(async services =>
        {
            var forms = services.GetRequiredService<FormCatalog>();
            var id = (string)schema["id"]!;
            await forms.SaveDraftAsync(id, schema, (await forms.GetAsync(id, latest: true, cancellationToken: Cancel))?.ConcurrencyStamp, "form-designer", Cancel);
            return await forms.PublishAsync(id, null, "form-designer", Cancel);
        });

    /// <summary>A client taken in through the API (on <paramref name="coordinatorId"/>'s caseload when given); returns the case id.</summary>
    public static async Task<string> IntakeAsync(CareApiClient api, string? coordinatorId = null)
    {
        var intake = await api.PostAsync("/api/clients/intake", new
        {
            givenName = "Noor", familyName = "Haddad" + Guid.NewGuid().ToString("N")[..6], dateOfBirth = "1988-04-05", phone = (string?)null, coordinatorId,
        }, HttpStatusCode.Created);
        return (string)intake["caseId"]!;
    }

    /// <summary>Publishes the branching workflow for <paramref name="formId"/> and starts it on <paramref name="caseId"/>; returns the instance id and its form task.</summary>
    public static async Task<(string InstanceId, CoordinatorTask Task)> StartAsync<T>(CareFlowApp<T> app, string caseId, string formId)
        where T : CareFlowAppOptions, new()
    {
        var definitionId = "task-form-" + Guid.NewGuid().ToString("N")[..10];
        var instanceId = await app.WithServicesAsync(async services =>
        {
            await services.GetRequiredService<WorkflowDefinitionService>().SaveAsync(Workflow(definitionId, caseId, formId), publish: true, new ValidationOptions(), Cancel);
            var state = await services.GetRequiredService<IWorkflowRuntime>().StartAsync(definitionId, VersionOptions.Published,
                new StartWorkflowRequest { Name = definitionId }, Cancel);
            return state!.Id;
        });
        var task = await app.WithDbAsync(db => db.Set<CoordinatorTask>().AsNoTracking().SingleAsync(t => t.WorkflowInstanceId == instanceId, Cancel));
        return (instanceId, task);
    }

    /// <summary>The branching workflow (<see cref="TaskFormSamples.Workflow"/>).</summary>
    public static JsonObject Workflow(string definitionId, string caseId, string formId) => TaskFormSamples.Workflow(definitionId, caseId, formId);
}
