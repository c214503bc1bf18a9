using System.Text.Json.Nodes;

namespace CareFlow.Testing;

/// <summary>
/// A task form with every field type and rule of the palette, answers that keep them, and a workflow whose
/// <c>CareFlow.CreateCoordinatorTask</c> uses the form on a case: the task's <c>Result</c> is captured in the
/// <c>Answers</c> variable, <c>Elsa.SetVariable</c> copies the notes answer into <c>Notes</c>, and <c>Elsa.FlowDecision</c>
/// sets <c>Branch</c> to "urgent" or "routine" from the urgent answer (both through JavaScript).
/// </summary>
public static class TaskFormSamples
{
    /// <summary>The form (form-js JSON) with id <paramref name="formId"/>.</summary>
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

    /// <summary>Answers that keep every rule; <paramref name="serviceId"/> is an active directory service.</summary>
    public static JsonObject ValidAnswers(string serviceId) => new()
    {
        ["name"] = "Ana", ["email"] = "ana@example.org", ["notes"] = "Talked about rent.", ["count"] = 2, ["agree"] = true,
        ["topics"] = new JsonArray("housing"), ["urgent"] = "yes", ["service"] = serviceId, ["on"] = "2026-03-31",
        ["at"] = "14:30", ["phone"] = "555-0100",
    };

    /// <summary>The branching workflow (see the type's summary) for <paramref name="caseId"/> and <paramref name="formId"/>.</summary>
    public static JsonObject Workflow(string definitionId, string caseId, string formId, string title = "Record the check-in")
    {
        static JsonObject Literal(string value) => new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
        static JsonObject Script(string typeName, string code) => new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = code } };
        static JsonObject Variable(string id, string name, string typeName) => new() { ["id"] = id, ["name"] = name, ["typeName"] = typeName, ["isArray"] = false };
        static JsonObject Node(string id, string type, JsonObject properties)
        {
            properties["id"] = id;
            properties["nodeId"] = "Workflow1:flowchart:" + id;
            properties["type"] = type;
            properties["version"] = 1;
            return properties;
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
                        ["caseId"] = Literal(caseId), ["title"] = Literal(title), ["form"] = Literal(formId),
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
