using System.Text.Json.Nodes;
using CareFlow.Core.Care.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Care;

/// <summary>
/// Completing coordinator tasks with their forms' answers, as the task page does: the answers' effect
/// (<see cref="TaskFormEffects"/>) and the task's completion commit in one unit of work, then the waiting step resumes.
/// </summary>
internal static class StageFormTasks
{
    /// <summary>The coordinator who fills in the forms in these tests.</summary>
    public const string Coordinator = "cora.coordinator";

    /// <summary>
    /// Completes the single open task of <paramref name="kind"/> on the case with <paramref name="answers"/>, by
    /// <paramref name="by"/>, through the completion use case the task page and <c>POST /api/tasks/{id}/complete</c> call.
    /// </summary>
    public static async Task<CoordinatorTask> CompleteWithAnswersAsync(this CareFlowApp<CareApp> app, CareApiClient api, string caseId, string kind, JsonObject answers, string by = Coordinator)
    {
        var taskId = Guid.Parse((string)(await api.SingleOpenTaskAsync(caseId, kind))["id"]!);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CompleteTaskHandler>().HandleAsync(taskId, answers, by, TestContext.Current.CancellationToken);
    }

    public static JsonObject Consent(string recipientName, string recipientEmail) => new()
    {
        ["disclosingParty"] = "CareFlow Demo Program", ["informationDescription"] = "Name, contact details and housing need",
        ["recipientName"] = recipientName, ["recipientEmail"] = recipientEmail, ["purpose"] = "Housing referral",
        ["expiresOn"] = "2030-12-31", ["signedBy"] = "Ines Varga",
    };

    /// <summary>Housing positive (worried, mold); interpersonal safety over the threshold when <paramref name="unsafeAtHome"/>.</summary>
    public static JsonObject Screening(bool unsafeAtHome) => new()
    {
        ["living-situation"] = "worried", ["housing-problems"] = new JsonArray("mold"), ["food-worry"] = "never", ["food-last"] = "never",
        ["transportation"] = new JsonArray("no"), ["utilities"] = "no",
        ["safety-hurt"] = unsafeAtHome ? "sometimes" : "never", ["safety-insult"] = unsafeAtHome ? "sometimes" : "never",
        ["safety-threaten"] = unsafeAtHome ? "sometimes" : "never", ["safety-scream"] = unsafeAtHome ? "sometimes" : "never",
    };

    public static JsonObject Plan() => new()
    {
        ["clientWants"] = "A safe place to sleep and to keep my job.",
        ["goal1Text"] = "Stay with my sister until a room is found", ["goal1TargetDate"] = "2030-01-15",
        ["goal2Text"] = "Make a safety plan with the advocate", ["goal2TargetDate"] = "2030-01-08",
    };

    public static JsonObject CheckIn(string outcome, string discussed) => new() { ["outcome"] = outcome, ["discussed"] = discussed };

    public static JsonObject ServiceChoice(string serviceId) => new() { ["serviceId"] = serviceId };

    public static JsonObject FollowUp(string needMet, string serviceReceived, params string[] barriers) => new()
    {
        ["reached"] = "yes", ["needMet"] = needMet, ["serviceReceived"] = serviceReceived,
        ["barriers"] = new JsonArray([.. barriers.Select(b => (JsonNode)JsonValue.Create(b))]), ["notes"] = "Moved in last week.",
    };

    public static JsonObject Closure() => new() { ["reason"] = "goals-met", ["summary"] = "Housed; follow-up complete." };

    public static JsonObject Advocacy(string kind, string whatWasDone, string? withWhom) => new() { ["kind"] = kind, ["whatWasDone"] = whatWasDone, ["withWhom"] = withWhom };

    /// <summary>
    /// A client taken through all four stage workflows by the forms alone: consent and screening (unsafe at home) at
    /// intake; a plan with two goals, a check-in held then one stable; Harbor declines (capacity), Harbor again accepts
    /// (the coordinator writes the advocacy note asked for) and completes; follow-ups at day 7, 30 and 90 (the first
    /// naming a transport barrier); the coordinator closes the case. Returns the case and client ids.
    /// </summary>
    public static async Task<(string CaseId, string ClientId)> RunAllFourWorkflowsAsync(this CareFlowApp<CareApp> app, CareApiClient api)
    {
        await api.ImportDirectoryAsync();
        var intake = await api.IntakeAsync("Ines", "Varga", "1979-09-30", "555-301-8812");
        var caseId = (string)intake["caseId"]!;
        var clientId = (string)intake["clientId"]!;

        // Intake.
        await app.CompleteWithAnswersAsync(api, caseId, "RecordConsent", Consent("Harbor Housing Collaborative", CareSamples.HarborEmail));
        await app.CompleteWithAnswersAsync(api, caseId, "Screen", Screening(unsafeAtHome: true));
        await app.HandOverAsync();
        Assert.Equal("Stabilization", await StageAsync(api, caseId));

        // Stabilization: the plan, then a check-in held (not stable) and the next one stable.
        await app.CompleteWithAnswersAsync(api, caseId, "StabilizationPlan", Plan());
        Assert.DoesNotContain(await api.OpenTasksAsync(caseId), t => (string?)t!["kind"] == "CheckIn");
        await app.AdvanceAsync(TimeSpan.FromDays(7));
        await app.CompleteWithAnswersAsync(api, caseId, "CheckIn", CheckIn("held", "Talked through the week; still sleeping at a friend's."));
        await app.AdvanceAsync(TimeSpan.FromDays(7));
        await app.CompleteWithAnswersAsync(api, caseId, "CheckIn", CheckIn("stable", "Staying with her sister; safety plan in place."));
        await app.HandOverAsync();
        Assert.Equal("Referral", await StageAsync(api, caseId));

        // Referral: Harbor declines for capacity (the provider's barrier), then accepts the second request.
        await app.CompleteWithAnswersAsync(api, caseId, "ChooseService", ServiceChoice(CareSamples.HarborService));
        var first = (await api.GetAsync($"/api/referrals?caseId={caseId}")).AsArray().Single()!;
        await api.PostAsync($"/api/referrals/{(string)first["id"]!}/status", new { status = "Rejected", party = "Performer", reason = "NoCapacity" });
        await app.CompleteWithAnswersAsync(api, caseId, "ChooseService", ServiceChoice(CareSamples.HarborService));
        var second = (await api.GetAsync($"/api/referrals?caseId={caseId}")).AsArray().Single(r => (string?)r!["id"] != (string?)first["id"])!;
        await api.PostAsync($"/api/referrals/{(string)second["id"]!}/status", new { status = "Accepted", party = "Performer" });
        await app.CompleteWithAnswersAsync(api, caseId, "Advocacy", Advocacy("Navigation", "Went with the client to the intake appointment.", "Harbor Housing intake worker"));
        await api.PostAsync($"/api/referrals/{(string)second["id"]!}/status", new { status = "Completed", party = "Performer" });
        await app.HandOverAsync();
        Assert.Equal("FollowUp", await StageAsync(api, caseId));

        // Follow-up at day 7, 30 and 90, then the coordinator closes the case.
        await app.AdvanceAsync(TimeSpan.FromDays(7));
        await app.CompleteWithAnswersAsync(api, caseId, "FollowUpOutcome", FollowUp("yes", "yes", "Transport"));
        await app.AdvanceAsync(TimeSpan.FromDays(23));
        await app.CompleteWithAnswersAsync(api, caseId, "FollowUpOutcome", FollowUp("yes", "yes"));
        await app.AdvanceAsync(TimeSpan.FromDays(60));
        await app.CompleteWithAnswersAsync(api, caseId, "FollowUpOutcome", FollowUp("yes", "yes"));
        await app.CompleteWithAnswersAsync(api, caseId, "CloseCase", Closure());
        Assert.Equal("Closed", (string?)(await api.CaseAsync(caseId))["case"]!["status"]);
        return (caseId, clientId);
    }

    private static async Task<string?> StageAsync(CareApiClient api, string caseId) => (string?)(await api.CaseAsync(caseId))["case"]!["stage"];
}
