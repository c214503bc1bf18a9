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

    /// <summary>Every field type of the palette, each with a rule.</summary>
    public static JsonObject Schema(string formId) => (JsonObject)JsonNode.Parse($$"""
    {
      "id": "{{formId}}", "name": "Check-in notes {{formId}}", "type": "default", "schemaVersion": 16,
      "components": [
        { "type": "text", "id": "intro", "text": "# Before you start\n\nAsk the client <b>first</b>." },
        { "type": "textfield", "id": "c-name", "key": "name", "label": "Preferred name", "description": "As the client wants to be called.",
          "validate": { "required": true, "minLength": 2, "maxLength": 10, "pattern": "^[A-Z]" } },
        { "type": "textfield", "id": "c-email", "key": "email", "label": "Email", "validate": { "validationType": "email" } },
        { "type": "textarea", "id": "c-notes", "key": "notes", "label": "What was discussed", "validate": { "maxLength": 200 } },
        { "type": "number", "id": "c-count", "key": "count", "label": "Visits", "decimalDigits": 0, "validate": { "min": 1, "max": 5 } },
        { "type": "checkbox", "id": "c-agree", "key": "agree", "label": "The client agreed", "validate": { "required": true } },
        { "type": "checklist", "id": "c-topics", "key": "topics", "label": "Topics", "validate": { "required": true },
          "values": [ { "label": "Housing", "value": "housing" }, { "label": "Food", "value": "food" } ] },
        { "type": "radio", "id": "c-urgent", "key": "urgent", "label": "Urgent?", "validate": { "required": true },
          "values": [ { "label": "Yes", "value": "yes" }, { "label": "No", "value": "no" } ] },
        { "type": "select", "id": "c-service", "key": "service", "label": "Service", "valuesKey": "services" },
        { "type": "datetime", "id": "c-on", "key": "on", "subtype": "date", "dateLabel": "Next meeting", "validate": { "required": true } },
        { "type": "datetime", "id": "c-at", "key": "at", "subtype": "time", "timeLabel": "At" },
        { "type": "group", "id": "g-contact", "label": "Contact", "components": [
          { "type": "textfield", "id": "c-phone", "key": "phone", "label": "Phone", "validate": { "required": true } }
        ] }
      ]
    }
    """)!;

    /// <summary>Answers that keep every rule.</summary>
    public static JsonObject ValidAnswers() => new()
    {
        ["name"] = "Ana", ["email"] = "ana@example.org", ["notes"] = "Talked about rent.", ["count"] = 2, ["agree"] = true,
        ["topics"] = new JsonArray("housing"), ["urgent"] = "yes", ["service"] = CareSamples.HarborService, ["on"] = "2026-03-31",
        ["at"] = "14:30", ["phone"] = "555-0100",
    };

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

    /// <summary>
    /// Task (its Result captured into <c>Answers</c>) → <c>Elsa.SetVariable</c> Notes = the notes answer → <c>Elsa.FlowDecision</c> on
    /// the urgent answer → Branch = "urgent" or "routine".
    /// </summary>
    public static JsonObject Workflow(string definitionId, string caseId, string formId)
    {
        static JsonObject Literal(string value) => new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
        static JsonObject Script(string typeName, string code) => new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = code } };
        static JsonObject Variable(string id, string name, string typeName) => new() { ["id"] = id, ["name"] = name, ["typeName"] = typeName, ["isArray"] = false };
        static JsonObject Node(string id, string type, JsonObject? properties = null)
        {
            var node = properties ?? [];
            node["id"] = id;
            node["nodeId"] = "Workflow1:flowchart:" + id;
            node["type"] = type;
            node["version"] = 1;
            return node;
        }

        static JsonObject Connect(string from, string port, string to) => new()
        {
            ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
        };

        return new JsonObject
        {
            ["definitionId"] = definitionId, ["name"] = definitionId, ["version"] = 1,
            ["variables"] = new JsonArray(Variable("v-answers", "Answers", "Object"), Variable("v-notes", "Notes", "String"), Variable("v-branch", "Branch", "String")),
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart", ["type"] = "Elsa.Flowchart", ["version"] = 1,
                ["activities"] = new JsonArray(
                    Node("task", "CareFlow.CreateCoordinatorTask", new JsonObject
                    {
                        ["caseId"] = Literal(caseId), ["title"] = Literal("Record the check-in"), ["form"] = Literal(formId),
                        ["result"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "v-answers" } },
                    }),
                    Node("copy", "Elsa.SetVariable", new JsonObject
                    {
                        ["variable"] = Variable("v-notes", "Notes", "String"), ["value"] = Script("Object", "getVariable(\"Answers\").notes"),
                    }),
                    Node("decide", "Elsa.FlowDecision", new JsonObject { ["condition"] = Script("Boolean", "getVariable(\"Answers\").urgent === \"yes\"") }),
                    Node("urgent", "Elsa.SetVariable", new JsonObject { ["variable"] = Variable("v-branch", "Branch", "String"), ["value"] = Literal("urgent") }),
                    Node("routine", "Elsa.SetVariable", new JsonObject { ["variable"] = Variable("v-branch", "Branch", "String"), ["value"] = Literal("routine") })),
                ["connections"] = new JsonArray(
                    Connect("task", "Completed", "copy"), Connect("copy", "Done", "decide"), Connect("decide", "True", "urgent"), Connect("decide", "False", "routine")),
            },
        };
    }
}
