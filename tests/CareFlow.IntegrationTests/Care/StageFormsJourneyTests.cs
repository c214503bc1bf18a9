using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Advocacy;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Screening;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Care;

/// <summary>
/// The four stage workflows driven by their task forms: each form's answers record exactly what the coordinator
/// answered, under their name, and the workflow moves on from them.
/// </summary>
[Collection("care")]
public sealed class StageFormsJourneyTests(CareFlowApp<CareApp> app) : IAsyncLifetime
{
    private readonly CareApiClient _api = new(app.Api());

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AllFourWorkflows_DrivenByTaskForms_RecordWhatTheCoordinatorAnswered()
    {
        var (caseText, clientText) = await app.RunAllFourWorkflowsAsync(_api);
        var caseId = Guid.Parse(caseText);
        var clientId = Guid.Parse(clientText);
        const string By = StageFormTasks.Coordinator;

        await app.WithDbAsync(async db =>
        {
            // Each task carried its stage's form and was completed by the coordinator (several are created at the same moment).
            var tasks = await db.Set<CoordinatorTask>().AsNoTracking().Where(t => t.CaseId == caseId).ToListAsync();
            (string, string?)[] expected =
                [("RecordConsent", "part2-consent"), ("Screen", "ahc-hrsn-core"), ("StabilizationPlan", "stabilization-plan"), ("CheckIn", "check-in-outcome"),
                 ("CheckIn", "check-in-outcome"), ("ChooseService", "service-choice"), ("ChooseService", "service-choice"), ("Advocacy", "advocacy-note"),
                 ("FollowUpOutcome", "follow-up-outcome"), ("FollowUpOutcome", "follow-up-outcome"), ("FollowUpOutcome", "follow-up-outcome"), ("CloseCase", "case-closure")];
            Assert.Equal(expected.Order(), tasks.Select(t => (t.Kind.ToString(), t.FormId)).Order());
            Assert.All(tasks, t => Assert.Equal((CoordinatorTaskStatus.Completed, By), (t.Status, t.CompletedBy)));

            // Consent: the fields the coordinator wrote.
            var consent = await db.Set<Consent>().AsNoTracking().SingleAsync(c => c.ClientId == clientId);
            Assert.Equal((CareSamples.HarborEmail, "Ines Varga", "Housing referral", new DateOnly(2030, 12, 31)),
                (consent.RecipientEmail, consent.SignedBy, consent.Purpose, consent.ExpiresOn!.Value));

            // Screening → needs, by the coordinator.
            var screening = await db.Set<ClientScreening>().AsNoTracking().SingleAsync(s => s.CaseId == caseId);
            Assert.Equal((By, true), (screening.ScreenedBy, screening.RequiresStabilization));
            Assert.Equal(["housing", "safety"], (await db.Set<Need>().AsNoTracking().Where(n => n.CaseId == caseId).Select(n => n.Domain).ToListAsync()).Order());

            // The plan: two goals with their target dates, what the client wants, written by the coordinator.
            var plan = await db.Set<StabilizationPlan>().AsNoTracking().SingleAsync(p => p.CaseId == caseId);
            Assert.Equal((By, "A safe place to sleep and to keep my job."), (plan.WrittenBy, plan.ClientWants));
            var goals = await db.Set<Goal>().AsNoTracking().Where(g => g.PlanId == plan.Id).OrderBy(g => g.TargetDate).ToListAsync();
            Assert.Equal([("Make a safety plan with the advocate", new DateOnly(2030, 1, 8)), ("Stay with my sister until a room is found", new DateOnly(2030, 1, 15))],
                goals.Select(g => (g.Text, g.TargetDate!.Value)));

            // Check-ins: held, then stable, then the three follow-ups, each under the coordinator's name with what was discussed.
            var checkIns = await db.Set<CheckIn>().AsNoTracking().Where(c => c.CaseId == caseId && c.RecordedBy != null).OrderBy(c => c.DueAt).ToListAsync();
            Assert.Equal([CheckInOutcome.Held, CheckInOutcome.Stable, CheckInOutcome.ServiceReceived, CheckInOutcome.ServiceReceived, CheckInOutcome.ServiceReceived],
                checkIns.Select(c => c.Outcome!.Value));
            Assert.All(checkIns, c => Assert.Equal(By, c.RecordedBy));
            Assert.Equal("Talked through the week; still sleeping at a friend's.", checkIns[0].Notes);

            // Follow-up: the housing need is met; the transport barrier the client named is the coordinator's record.
            Assert.Equal(NeedStatus.Met, (await db.Set<Need>().AsNoTracking().SingleAsync(n => n.CaseId == caseId && n.Domain == "housing")).Status);
            var transport = await db.Set<AccessBarrier>().AsNoTracking().SingleAsync(b => b.CaseId == caseId && b.Category == BarrierCategory.Transport);
            Assert.Equal((By, CareSamples.HarborService), (transport.RecordedBy, transport.ServiceId));

            // Advocacy: the one note the coordinator wrote when asked, with whom.
            var note = await db.Set<AdvocacyEntry>().AsNoTracking().SingleAsync(a => a.CaseId == caseId);
            Assert.Equal((AdvocacyKind.Navigation, By), (note.Kind, note.By));
            Assert.Equal(("Went with the client to the intake appointment.", "Harbor Housing intake worker"), (note.Note, note.WithWhom));

            // Closure, by the coordinator, with the reason and summary given.
            var closed = await db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == caseId);
            Assert.Equal((CaseStatus.Closed, By, "Needs met, follow-up complete", "Housed; follow-up complete."),
                (closed.Status, closed.ClosedBy, closed.ClosureReason, closed.ClosureSummary));

            var instances = await db.Set<WorkflowInstanceRecord>().AsNoTracking().Select(i => new { i.DefinitionId, i.SubStatus, i.IncidentCount }).ToListAsync();
            Assert.Equal(4, instances.Count);
            Assert.All(instances, i => Assert.Equal(("Finished", 0), (i.SubStatus, i.IncidentCount)));
            Assert.Empty(await db.Set<BookmarkRecord>().ToListAsync());
            return true;
        });
    }

    [Fact]
    public async Task CheckInRecordedThroughTheApi_WhileItsTaskIsOpen_ResumesTheStep_AndTheTaskIsDone()
    {
        var caseId = await ToStabilizationAsync("Noor", "Haddad");
        await app.CompleteWithAnswersAsync(_api, caseId, "StabilizationPlan", StageFormTasks.Plan());
        await app.AdvanceAsync(TimeSpan.FromDays(7));
        var task = await _api.SingleOpenTaskAsync(caseId, "CheckIn");

        await _api.PostAsync($"/api/check-ins/{await _api.OpenCheckInAsync(caseId)}/outcome", new { outcome = "Stable", notes = "Doing well." });
        await app.HandOverAsync();

        Assert.Equal("Referral", (string?)(await _api.CaseAsync(caseId))["case"]!["stage"]);
        var done = await app.WithDbAsync(db => db.Set<CoordinatorTask>().AsNoTracking().SingleAsync(t => t.Id == Guid.Parse((string)task["id"]!)));
        Assert.Equal((CoordinatorTaskStatus.Completed, "api-key"), (done.Status, done.CompletedBy));
        var checkIn = await app.WithDbAsync(db => db.Set<CheckIn>().AsNoTracking().SingleAsync(c => c.CaseId == Guid.Parse(caseId) && c.Outcome != null));
        Assert.Equal((CheckInOutcome.Stable, "api-key"), (checkIn.Outcome, checkIn.RecordedBy));
    }

    [Fact]
    public async Task CheckInMissed_OnTheForm_AsksTheCoordinatorToReachTheClient()
    {
        var caseId = await ToStabilizationAsync("Tomas", "Lind");
        await app.CompleteWithAnswersAsync(_api, caseId, "StabilizationPlan", StageFormTasks.Plan());
        await app.AdvanceAsync(TimeSpan.FromDays(7));

        await app.CompleteWithAnswersAsync(_api, caseId, "CheckIn", StageFormTasks.CheckIn("missed", "No answer by phone or text."));

        await _api.SingleOpenTaskAsync(caseId, "MissedCheckIn");
        var checkIn = await app.WithDbAsync(db => db.Set<CheckIn>().AsNoTracking().SingleAsync(c => c.CaseId == Guid.Parse(caseId) && c.Outcome != null));
        Assert.Equal((CheckInOutcome.Missed, StageFormTasks.Coordinator), (checkIn.Outcome, checkIn.RecordedBy));
    }

    [Fact]
    public async Task ScreeningAnswers_MissingAQuestion_AreRefusedNamingIt_AndNothingIsWritten()
    {
        await _api.ImportDirectoryAsync();
        var intake = await _api.IntakeAsync("Aiko", "Sato", "1991-03-08", "555-301-7711");
        var caseId = (string)intake["caseId"]!;
        await app.CompleteWithAnswersAsync(_api, caseId, "RecordConsent", StageFormTasks.Consent("Harbor Housing Collaborative", CareSamples.HarborEmail));
        var answers = StageFormTasks.Screening(unsafeAtHome: false);
        answers.Remove("utilities");

        var refused = await Assert.ThrowsAsync<CareValidationException>(() => app.CompleteWithAnswersAsync(_api, caseId, "Screen", answers));

        Assert.Equal("answers.utilities", refused.Field);
        await _api.SingleOpenTaskAsync(caseId, "Screen");
        Assert.Empty(await app.WithDbAsync(db => db.Set<ClientScreening>().AsNoTracking().ToListAsync()));
        Assert.Empty(await app.WithDbAsync(db => db.Set<Need>().AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task PlanWithoutAGoal_IsRefusedNamingTheFirstGoal_AndTheStepKeepsWaiting()
    {
        var caseId = await ToStabilizationAsync("Iris", "Moen");
        var answers = new JsonObject { ["clientWants"] = "Rest." };

        var refused = await Assert.ThrowsAsync<CareValidationException>(() => app.CompleteWithAnswersAsync(_api, caseId, "StabilizationPlan", answers));

        Assert.Equal("answers.goal1Text", refused.Field);
        await _api.SingleOpenTaskAsync(caseId, "StabilizationPlan");
        Assert.Empty(await app.WithDbAsync(db => db.Set<StabilizationPlan>().AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task InstanceOfAnEarlierVersion_WithoutFormInputs_MovesOn_ThroughTheTasksAndTheCheckInApi()
    {
        var intake = await _api.IntakeAsync("Lena", "Okafor", "1985-02-14", "555-301-4471");
        var caseId = (string)intake["caseId"]!;
        var literal = (string value) => new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
        JsonObject Step(string id, string type, params (string Name, JsonNode Value)[] inputs)
        {
            var step = new JsonObject { ["id"] = id, ["nodeId"] = $"Workflow1:flowchart:{id}", ["type"] = type, ["version"] = 1 };
            foreach (var (name, value) in inputs) step[name] = value;
            return step;
        }

        JsonObject Connect(string from, string port, string to) => new()
        {
            ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
        };

        // The stabilization steps as earlier versions wrote them: no form inputs.
        var definition = new JsonObject
        {
            ["definitionId"] = "earlier-stabilization", ["name"] = "earlier-stabilization", ["version"] = 1, ["variables"] = new JsonArray(),
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart", ["type"] = "Elsa.Flowchart", ["version"] = 1,
                ["activities"] = new JsonArray(
                    Step("plan", "CareFlow.CreateStabilizationPlan", ("caseId", literal(caseId))),
                    Step("check-in", "CareFlow.ScheduleCheckIn", ("caseId", literal(caseId))),
                    Step("end", "Elsa.End")),
                ["connections"] = new JsonArray(Connect("plan", "Done", "check-in"), Connect("check-in", "Stable", "end")),
            },
        };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>().SaveAsync(definition, publish: true, new ValidationOptions(), TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>().StartAsync("earlier-stabilization", VersionOptions.Published,
                new StartWorkflowRequest { Name = "earlier-stabilization" }, TestContext.Current.CancellationToken);
        }

        // The plan step now asks for the plan written with the client: no goal is written on the client's behalf.
        var task = await _api.SingleOpenTaskAsync(caseId, "StabilizationPlan");
        Assert.Equal("stabilization-plan", (string?)task["formId"]);
        Assert.Empty(await app.WithDbAsync(db => db.Set<Goal>().AsNoTracking().ToListAsync()));
        await app.CompleteWithAnswersAsync(_api, caseId, "StabilizationPlan", StageFormTasks.Plan());
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Goal>().AsNoTracking().CountAsync()));

        // The check-in step gives the coordinator a task when due; recording the outcome through the API finishes it.
        await app.AdvanceAsync(TimeSpan.FromDays(7));
        await _api.SingleOpenTaskAsync(caseId, "CheckIn");
        await _api.PostAsync($"/api/check-ins/{await _api.OpenCheckInAsync(caseId)}/outcome", new { outcome = "Stable" });

        var instance = await app.WithDbAsync(db => db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync(i => i.DefinitionId == "earlier-stabilization"));
        Assert.Equal(("Finished", 0), (instance.SubStatus, instance.IncidentCount));
        Assert.DoesNotContain(await _api.OpenTasksAsync(caseId), t => (string?)t!["kind"] == "CheckIn");
    }

    private async Task<string> ToStabilizationAsync(string given, string family)
    {
        await _api.ImportDirectoryAsync();
        var intake = await _api.IntakeAsync(given, family, "1990-06-01", null);
        var caseId = (string)intake["caseId"]!;
        await app.CompleteWithAnswersAsync(_api, caseId, "RecordConsent", StageFormTasks.Consent("Harbor Housing Collaborative", CareSamples.HarborEmail));
        await app.CompleteWithAnswersAsync(_api, caseId, "Screen", StageFormTasks.Screening(unsafeAtHome: true));
        await app.HandOverAsync();
        return caseId;
    }
}
