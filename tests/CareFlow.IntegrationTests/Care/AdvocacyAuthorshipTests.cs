using System.Net;
using System.Text.Json.Nodes;
using CareFlow.Core.Care.Advocacy;
using CareFlow.Core.Workflows;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Care;

/// <summary>
/// The advocacy log holds only what a person recorded: a client taken through all four stage workflows (including a
/// check-in held but not stable) leaves exactly the entries someone posted, under that caller's name, and none from a workflow.
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
    public async Task Journey_ThroughAllFourWorkflows_WritesNoAdvocacyEntryOfItsOwn()
    {
        await _api.ImportDirectoryAsync();

        var intake = await _api.IntakeAsync("Ines", "Varga", "1979-09-30", "555-301-8812");
        var caseId = (string)intake["caseId"]!;
        var clientId = (string)intake["clientId"]!;
        await _api.SingleOpenTaskAsync(caseId, "RecordConsent");
        await _api.ConsentAsync(clientId, CareSamples.HarborOrg, CareSamples.HarborEmail);
        await _api.SingleOpenTaskAsync(caseId, "Screen");
        await _api.PostAsync($"/api/cases/{caseId}/screenings", CareSamples.Screening(unsafeAtHome: true), HttpStatusCode.Created);

        // Stabilization: one check-in held but not stable (the workflow loops), then stable → referral.
        await app.HandOverAsync();
        Assert.Equal("Stabilization", (string?)(await _api.CaseAsync(caseId))["case"]!["stage"]);
        await _api.PostAsync($"/api/check-ins/{await _api.OpenCheckInAsync(caseId)}/outcome", new { outcome = "NeedsSupport" });
        await _api.PostAsync($"/api/check-ins/{await _api.OpenCheckInAsync(caseId)}/outcome", new { outcome = "Stable" });
        await app.HandOverAsync();
        Assert.Equal("Referral", (string?)(await _api.CaseAsync(caseId))["case"]!["stage"]);

        // Referral: accepted, then completed → follow-up.
        await _api.CompleteTaskAsync(caseId, "ChooseService", new { serviceId = CareSamples.HarborService });
        var referral = (await _api.GetAsync($"/api/referrals?caseId={caseId}")).AsArray().Single()!;
        await _api.PostAsync($"/api/referrals/{(string)referral["id"]!}/status", new { status = "Accepted", party = "Performer" });
        await app.AdvanceAsync(TimeSpan.FromDays(5));
        await _api.PostAsync($"/api/referrals/{(string)referral["id"]!}/status", new { status = "Completed", party = "Performer" });
        await app.HandOverAsync();
        Assert.Equal("FollowUp", (string?)(await _api.CaseAsync(caseId))["case"]!["stage"]);

        // The one note a person records along the way.
        var posted = await _api.PostAsync($"/api/cases/{caseId}/advocacy", new { kind = "Navigation", note = "Walked the client through the intake paperwork." }, HttpStatusCode.Created);

        // Follow-up to a closed case.
        await _api.PostAsync($"/api/check-ins/{await _api.OpenCheckInAsync(caseId)}/outcome", new { outcome = "ServiceReceived" });
        await app.AdvanceAsync(TimeSpan.FromDays(40));
        await _api.PostAsync($"/api/check-ins/{await _api.OpenCheckInAsync(caseId)}/outcome", new { outcome = "Stable" });
        Assert.Equal("Closed", (string?)(await _api.CaseAsync(caseId))["case"]!["status"]);

        var entries = await app.WithDbAsync(db => db.Set<AdvocacyEntry>().AsNoTracking().ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(Guid.Parse((string)posted["id"]!), entry.Id);
        Assert.Equal("api-key", entry.By);
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
