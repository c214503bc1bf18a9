using System.Net;
using System.Text.Json.Nodes;
using CareFlow.Core.Care.Advocacy;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Workflows;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Care;

/// <summary>
/// The advocacy log holds only what a person recorded: a client taken through all four stage workflows by their forms
/// (including a check-in held but not stable and a provider's decline) leaves exactly the entries someone wrote, under
/// that person's name, and every barrier names the person or provider who stated it; nothing is the workflow's.
/// </summary>
[Collection("care")]
public sealed class AdvocacyAuthorshipTests(CareFlowApp<CareApp> app) : IAsyncLifetime
{
    private readonly CareApiClient _api = new(app.Api());

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Journey_ThroughAllFourWorkflows_ByTheirForms_LeavesOnlyEntriesAPersonOrProviderStated()
    {
        var (caseId, _) = await app.RunAllFourWorkflowsAsync(_api);

        // The one note a person records on the case page along the way.
        var posted = await _api.PostAsync($"/api/cases/{caseId}/advocacy", new { kind = "Navigation", note = "Walked the client through the intake paperwork." }, HttpStatusCode.Created);

        // Every advocacy entry was written by a person: the coordinator's answer to the workflow's advocacy task, and the API caller's note.
        var entries = await app.WithDbAsync(db => db.Set<AdvocacyEntry>().AsNoTracking().OrderBy(e => e.At).ToListAsync());
        Assert.Equal([StageFormTasks.Coordinator, "api-key"], entries.Select(e => e.By));
        Assert.Equal(Guid.Parse((string)posted["id"]!), entries[1].Id);

        // Every barrier has a human or provider author: the provider's decline under the provider's name, the client's
        // transport barrier under the coordinator's who recorded it at follow-up. None is the workflow's.
        var barriers = await app.WithDbAsync(db => db.Set<AccessBarrier>().AsNoTracking().OrderBy(b => b.RecordedAt).ToListAsync());
        Assert.Equal([("Harbor Housing Collaborative", BarrierCategory.Capacity), (StageFormTasks.Coordinator, BarrierCategory.Transport)],
            barriers.Select(b => (b.RecordedBy, b.Category)));
        Assert.DoesNotContain(barriers, b => b.RecordedBy == "workflow");
    }

    [Fact]
    public async Task ReferralThatTimesOut_RecordsNoBarrier_ForNobodyStatedOne()
    {
        await _api.ImportDirectoryAsync();
        var intake = await _api.IntakeAsync("Omar", "Idris", "1983-07-19", "555-301-6620");
        var caseId = (string)intake["caseId"]!;
        await app.CompleteWithAnswersAsync(_api, caseId, "RecordConsent", StageFormTasks.Consent("Harbor Housing Collaborative", CareSamples.HarborEmail));
        await app.CompleteWithAnswersAsync(_api, caseId, "Screen", StageFormTasks.Screening(unsafeAtHome: false));
        await app.HandOverAsync();
        await app.CompleteWithAnswersAsync(_api, caseId, "ChooseService", StageFormTasks.ServiceChoice(CareSamples.HarborService));
        var referral = (await _api.GetAsync($"/api/referrals?caseId={caseId}")).AsArray().Single()!;
        await _api.PostAsync($"/api/referrals/{(string)referral["id"]!}/status", new { status = "Accepted", party = "Performer" });
        await app.CompleteWithAnswersAsync(_api, caseId, "Advocacy", StageFormTasks.Advocacy("EmotionalSupport", "Stayed on the phone while the client called.", null));

        // The provider never reports completion: the 30-day deadline passes and the coordinator chooses again.
        await app.AdvanceAsync(TimeSpan.FromDays(31));

        await _api.SingleOpenTaskAsync(caseId, "ChooseService");
        Assert.Empty(await app.WithDbAsync(db => db.Set<AccessBarrier>().AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task InstanceOfAnEarlierVersion_WithALogAdvocacyStep_MovesPastIt_AndWritesNothing()
    {
        var intake = await _api.IntakeAsync("Lena", "Okafor", "1985-02-14", "555-301-4471");
        var caseId = (string)intake["caseId"]!;
        var literal = (string value) => new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
        var definition = new JsonObject
        {
            ["definitionId"] = "earlier-advocacy-step", ["name"] = "earlier-advocacy-step", ["version"] = 1, ["variables"] = new JsonArray(),
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart", ["type"] = "Elsa.Flowchart", ["version"] = 1,
                ["activities"] = new JsonArray(
                    new JsonObject
                    {
                        ["id"] = "rights", ["nodeId"] = "Workflow1:flowchart:rights", ["type"] = "CareFlow.LogAdvocacy", ["version"] = 1,
                        ["caseId"] = literal(caseId), ["kind"] = literal("Empowerment"), ["note"] = literal("Explained the client's consent rights."),
                    },
                    new JsonObject { ["id"] = "end", ["nodeId"] = "Workflow1:flowchart:end", ["type"] = "Elsa.End", ["version"] = 1 }),
                ["connections"] = new JsonArray(new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = "rights", ["port"] = "Done" },
                    ["target"] = new JsonObject { ["activity"] = "end", ["port"] = "In" },
                }),
            },
        };

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>().SaveAsync(definition, publish: true, new ValidationOptions(), TestContext.Current.CancellationToken);
        var state = await scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>().StartAsync("earlier-advocacy-step", VersionOptions.Published,
            new StartWorkflowRequest { Name = "earlier-advocacy-step" }, TestContext.Current.CancellationToken);

        Assert.Equal(WorkflowSubStatus.Finished, state!.SubStatus);
        Assert.Empty(state.Incidents);
        Assert.Empty(await app.WithDbAsync(db => db.Set<AdvocacyEntry>().AsNoTracking().ToListAsync()));
    }
}
