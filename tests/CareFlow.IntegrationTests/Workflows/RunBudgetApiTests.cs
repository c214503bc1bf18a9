using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareFlow.IntegrationTests.Processes;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// A published loop that never ends (through a decision whose condition never turns, which save-time validation accepts)
/// runs on a real CareFlow process on PostgreSQL: execute and dispatch both stop at the configured activity budget with
/// an incident naming it, the node keeps answering, and the loop's WriteLine text never reaches the node's output.
/// </summary>
[Collection(ProcessTestsSerial.Name)]
public sealed class RunBudgetApiTests
{
    private const int Budget = 3000;
    private const string SecretText = "loop-text-that-must-not-reach-stdout";
    private static readonly string Incident = $"Activity execution budget of {Budget} per burst exceeded.";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EndlessLoop_FaultsAtTheBudget_OnExecuteAndDispatch_AndTheNodeStaysHealthy()
    {
        var folder = RepositoryLayout.ArtifactsFolder("run-budget");
        var db = await TestDatabase.CreateKeptAsync("run_budget", Token);
        var apiKey = NodeSettings.NewApiKey();
        var settings = NodeSettings.For(db, apiKey, folder, "node");
        settings["CareFlow__Workflows__Budget__MaxActivityExecutions"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var node = new CareFlowProcess("node", settings, folder);
        await node.StartAsync(Token);
        using var api = new ElsaApiClient(node.BaseAddress, apiKey, TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(node.BaseAddress, "elsa/api/"), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        using var health = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        using var saved = await http.PostAsJsonAsync("workflow-definitions", new JsonObject { ["model"] = EndlessDecisionLoop(), ["publish"] = true }, Token);
        Assert.True(saved.IsSuccessStatusCode, $"save answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync(Token)}");

        // Execute: the burst stops at the budget and the faulted instance is committed and returned.
        using var executed = await api.ExecuteAsync("endless-decision-loop", [], Token);
        var body = JsonNode.Parse(await executed.Content.ReadAsStringAsync(Token))!;
        Assert.Equal("Faulted", body["workflowState"]?["subStatus"]?.ToString());
        Assert.Equal(Incident, body["workflowState"]?["incidents"]?[0]?["message"]?.ToString());
        var executedId = executed.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var stored = await api.GetInstanceAsync(executedId, Token);
        Assert.Equal(("Faulted", 1), (stored["subStatus"]?.ToString(), stored["incidentCount"]!.GetValue<int>()));
        using (var answer = await health.GetAsync("health", Token)) Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        // Dispatch: the background job stops at the same budget.
        using var dispatched = await http.PostAsJsonAsync("workflow-definitions/endless-decision-loop/dispatch", new JsonObject(), Token);
        Assert.True(dispatched.IsSuccessStatusCode, $"dispatch answered {(int)dispatched.StatusCode}");
        var dispatchedId = JsonNode.Parse(await dispatched.Content.ReadAsStringAsync(Token))!["workflowInstanceId"]!.ToString();
        JsonObject? instance = null;
        await Poll.UntilAsync(
            async () =>
            {
                using var found = await http.GetAsync($"workflow-instances/{dispatchedId}", Token);
                if (found.StatusCode == HttpStatusCode.NotFound) return (false, "not stored yet");
                instance = JsonNode.Parse(await found.Content.ReadAsStringAsync(Token))!.AsObject();
                return (instance["subStatus"]?.ToString() == "Faulted", $"sub-status {instance["subStatus"]}");
            },
            TimeSpan.FromSeconds(90),
            "the dispatched loop faulted at its budget",
            Token,
            TimeSpan.FromMilliseconds(500));
        Assert.Equal(Incident, instance!["workflowState"]?["incidents"]?[0]?["message"]?.ToString());
        using (var answer = await health.GetAsync("health", Token)) Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        // WriteLine went through rate-limited logging: the text itself is never written to the node's output.
        var log = await File.ReadAllTextAsync(node.LogFile!, Token);
        Assert.DoesNotContain(SecretText, log, StringComparison.Ordinal);
        Assert.Contains("wrote a line of", log, StringComparison.Ordinal);
    }

    private static JsonObject Literal(string typeName, string value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Connect(string from, string to, string port = "Done") =>
        new() { ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" } };

    /// <summary>start → say → again; again's True port leads back to say and its condition is always true.</summary>
    private static JsonObject EndlessDecisionLoop() => new()
    {
        ["definitionId"] = "endless-decision-loop",
        ["name"] = "Endless decision loop",
        ["root"] = new JsonObject
        {
            ["id"] = "fc", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start", ["version"] = 1 },
                new JsonObject { ["id"] = "say", ["type"] = "Elsa.WriteLine", ["version"] = 1, ["text"] = Literal("String", SecretText) },
                new JsonObject { ["id"] = "again", ["type"] = "Elsa.FlowDecision", ["version"] = 1, ["condition"] = Literal("Boolean", "true") },
                new JsonObject { ["id"] = "done", ["type"] = "Elsa.WriteLine", ["version"] = 1, ["text"] = Literal("String", "done") }),
            ["connections"] = new JsonArray(Connect("start", "say"), Connect("say", "again"), Connect("again", "say", "True"), Connect("again", "done", "False")),
        },
    };
}
