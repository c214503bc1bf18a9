using System.Net;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Care;

[Collection("care")]
public sealed class IntakeAndConsentTests(CareFlowApp<CareApp> app) : IAsyncLifetime
{
    private readonly CareApiClient _api = new(app.Api());

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Intake_DetectsDuplicate_WhenSamePersonComesTwice()
    {
        var first = await _api.IntakeAsync("Jordan", "Lee", "1979-11-02", "(555) 777-1200");
        var again = await _api.IntakeAsync(" jordan ", "LEE", "1979-11-02", "+1 555 777 1200");
        var similar = await _api.IntakeAsync("Jordan", "Lee", "1979-11-02", "555-000-9999");

        Assert.Equal("Exact", (string?)again["match"]);
        Assert.Equal((string?)first["clientId"], (string?)again["clientId"]);
        Assert.NotNull((string?)again["duplicateWarning"]);
        Assert.Equal("Possible", (string?)similar["match"]);
        Assert.Equal((string?)first["clientId"], (string?)similar["possibleDuplicateOfId"]);
        await _api.SingleOpenTaskAsync((string)similar["caseId"]!, "ReviewDuplicate");
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Client>().CountAsync()));
    }

    [Fact]
    public async Task Referral_IsBlockedWithReasonOnCase_WhenNoConsentNamesTheRecipient()
    {
        await _api.ImportDirectoryAsync();
        var intake = await _api.IntakeAsync("Sam", "Rivera", "1995-06-30", "555-303-4040");
        var caseId = (string)intake["caseId"]!;
        await _api.ConsentAsync((string)intake["clientId"]!, CareSamples.HarborOrg, CareSamples.HarborEmail);
        await _api.PostAsync($"/api/cases/{caseId}/screenings", CareSamples.Screening(unsafeAtHome: false), HttpStatusCode.Created);
        await app.HandOverAsync();

        await _api.CompleteTaskAsync(caseId, "ChooseService", new { serviceId = CareSamples.NorthsideService });

        var @case = (await _api.CaseAsync(caseId))["case"]!;
        Assert.Equal("Blocked", (string?)@case["status"]);
        Assert.Contains("No consent names this recipient", (string?)@case["blockedReason"], StringComparison.Ordinal);
        Assert.Contains(CareSamples.NorthsideEmail, (string?)@case["blockedReason"], StringComparison.Ordinal);
        await _api.SingleOpenTaskAsync(caseId, "ObtainConsent");
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Referral>().CountAsync()));
    }

    [Fact]
    public async Task Workflow_RecordsIncident_WhenItsCaseWasDeleted()
    {
        var intake = await _api.IntakeAsync("Alex", "Kim", "1990-01-01", null);
        var caseId = Guid.Parse((string)intake["caseId"]!);
        var instanceId = (string)intake["workflowInstanceId"]!;
        await app.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == caseId).ExecuteDeleteAsync());
        var bookmark = await app.WithDbAsync(db => db.Set<BookmarkRecord>().SingleAsync(b => b.InstanceId == instanceId));

        var outcome = await app.WithServicesAsync(sp => sp.GetRequiredService<IWorkflowRuntime>().ResumeAsync(instanceId, bookmark.Id, null));

        Assert.Equal("Faulted", outcome.State!.SubStatus.ToString());
        Assert.Contains("does not exist", Assert.Single(outcome.State.Incidents).Message, StringComparison.Ordinal);
    }
}
