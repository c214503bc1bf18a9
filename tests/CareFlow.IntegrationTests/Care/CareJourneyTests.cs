using System.Net;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Stages;
using CareFlow.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.IntegrationTests.Care;

/// <summary>One client from intake to a closed case across the four stage workflows, with time on a fake clock.</summary>
[Collection("care")]
public sealed class CareJourneyTests(CareFlowApp<CareApp> app) : IAsyncLifetime
{
    private readonly CareApiClient _api = new(app.Api());

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Journey_IntakeToClosedCase_WithDeclinedThenCompletedReferral()
    {
        await _api.ImportDirectoryAsync();

        // Intake: register, consent (naming Harbor only), screen → needs stabilization.
        var intake = await _api.IntakeAsync("Maya", "Ortiz", "1988-04-12", "555-201-3344");
        Assert.Equal("None", (string?)intake["match"]);
        var caseId = (string)intake["caseId"]!;
        var clientId = (string)intake["clientId"]!;
        await _api.SingleOpenTaskAsync(caseId, "RecordConsent");
        await _api.ConsentAsync(clientId, CareSamples.HarborOrg, CareSamples.HarborEmail);
        await _api.SingleOpenTaskAsync(caseId, "Screen");
        var screening = await _api.PostAsync($"/api/cases/{caseId}/screenings", CareSamples.Screening(unsafeAtHome: true), HttpStatusCode.Created);
        Assert.True((bool)screening["requiresStabilization"]!);
        Assert.Equal("Stabilization", (string?)(await _api.CaseAsync(caseId))["case"]!["stage"]);

        // Stabilization: the plan written with the client; the first weekly check-in is missed → coordinator task; the next is held "Stable" → referral.
        await app.HandOverAsync();
        await app.CompleteWithAnswersAsync(_api, caseId, "StabilizationPlan", StageFormTasks.Plan());
        await app.AdvanceAsync(TimeSpan.FromDays(7));
        Assert.Contains(((System.Text.Json.Nodes.JsonArray)(await _api.CaseAsync(caseId))["timeline"]!), e => (string?)e!["kind"] == "check-in-due");
        await app.AdvanceAsync(TimeSpan.FromDays(2));
        await _api.CompleteTaskAsync(caseId, "MissedCheckIn");
        await _api.PostAsync($"/api/check-ins/{await _api.OpenCheckInAsync(caseId)}/outcome", new { outcome = "Stable", notes = "Safety plan in place." });
        await app.HandOverAsync();
        Assert.Equal("Referral", (string?)(await _api.CaseAsync(caseId))["case"]!["stage"]);

        // Referral 1 to Harbor: reminder after one business day, then declined for capacity → barrier, choose again.
        await _api.CompleteTaskAsync(caseId, "ChooseService", new { serviceId = CareSamples.HarborService });
        var first = (await _api.GetAsync($"/api/referrals?caseId={caseId}")).AsArray().Single()!;
        Assert.Equal("Requested", (string?)first["status"]);
        await app.AdvanceAsync(TimeSpan.FromDays(1));
        if (app.Clock.GetUtcNow().DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) await app.AdvanceAsync(TimeSpan.FromDays(2));
        await _api.PostAsync($"/api/referrals/{(string)first["id"]!}/status", new { status = "Rejected", party = "Performer", reason = "NoCapacity" });
        var barriers = (await _api.GetAsync($"/api/barriers?caseId={caseId}")).AsArray();
        Assert.Equal("Capacity", (string?)Assert.Single(barriers)!["category"]);
        Assert.Equal((string?)first["id"], (string?)barriers[0]!["referralId"]);

        // Referral 2 to Northside: blocked until a consent names Northside, then accepted and completed.
        await _api.CompleteTaskAsync(caseId, "ChooseService", new { serviceId = CareSamples.NorthsideService });
        var blocked = (await _api.CaseAsync(caseId))["case"]!;
        Assert.Equal("Blocked", (string?)blocked["status"]);
        Assert.Contains("Northside", (string?)blocked["blockedReason"], StringComparison.Ordinal);
        await _api.ConsentAsync(clientId, CareSamples.NorthsideOrg, CareSamples.NorthsideEmail);
        await _api.CompleteTaskAsync(caseId, "ChooseService", new { serviceId = CareSamples.NorthsideService });
        Assert.Equal("Open", (string?)(await _api.CaseAsync(caseId))["case"]!["status"]);
        var second = (await _api.GetAsync($"/api/referrals?caseId={caseId}")).AsArray().Single(r => (string?)r!["serviceId"] == CareSamples.NorthsideService)!;
        await _api.PostAsync($"/api/referrals/{(string)second["id"]!}/status", new { status = "Accepted", party = "Performer" });
        await app.AdvanceAsync(TimeSpan.FromDays(5));
        await _api.PostAsync($"/api/referrals/{(string)second["id"]!}/status", new { status = "Completed", party = "Performer" });
        await app.HandOverAsync();
        Assert.Equal("FollowUp", (string?)(await _api.CaseAsync(caseId))["case"]!["stage"]);

        // Follow-up: day 7 held, day 30 missed (time passes), day 90 held → the coordinator closes the case.
        await _api.PostAsync($"/api/check-ins/{await _api.OpenCheckInAsync(caseId)}/outcome", new { outcome = "ServiceReceived" });
        await app.AdvanceAsync(TimeSpan.FromDays(40));
        await _api.PostAsync($"/api/check-ins/{await _api.OpenCheckInAsync(caseId)}/outcome", new { outcome = "Stable" });
        await app.CompleteWithAnswersAsync(_api, caseId, "CloseCase", StageFormTasks.Closure());
        var closed = (await _api.CaseAsync(caseId))["case"]!;
        Assert.Equal("Closed", (string?)closed["status"]);

        await app.WithDbAsync(async db =>
        {
            var referrals = await db.Set<Referral>().Where(r => r.CaseId == Guid.Parse(caseId)).OrderBy(r => r.RequestedAt).ToListAsync();
            Assert.Equal([ReferralTaskStatus.Rejected, ReferralTaskStatus.Completed], referrals.Select(r => r.Status));
            Assert.Contains(await db.Set<ProviderNotification>().ToListAsync(), n => n.Kind == ProviderNotificationKind.Reminder && n.ReferralId == referrals[0].Id);
            Assert.Equal(BarrierCategory.Capacity, (await db.Set<AccessBarrier>().SingleAsync(b => b.CaseId == Guid.Parse(caseId))).Category);
            var started = await db.Set<WorkflowStartRequest>().Where(r => r.CaseId == Guid.Parse(caseId)).OrderBy(r => r.RequestedAt).Select(r => r.DefinitionId).ToListAsync();
            Assert.Equal([StageWorkflows.Stabilization, StageWorkflows.Referral, StageWorkflows.FollowUp], started);
            var instances = await db.Set<WorkflowInstanceRecord>().Select(i => new { i.DefinitionId, i.SubStatus, i.IncidentCount }).ToListAsync();
            Assert.Equal(4, instances.Count);
            Assert.All(instances, i => Assert.Equal(("Finished", 0), (i.SubStatus, i.IncidentCount)));
            Assert.Empty(await db.Set<BookmarkRecord>().ToListAsync());
            // Each referral the workflow created (and notified in the same burst) got its new-referral email.
            var newReferralEmails = await db.Set<CareFlow.Core.Outbox.OutboxMessage>().Where(m => m.Template.StartsWith("new-referral")).Select(m => m.Topic).ToListAsync();
            Assert.Equal(referrals.Select(r => CareFlow.Core.Email.ReferralEmails.Topic(r.Id)).Order(), newReferralEmails.Order());
            return true;
        });
    }
}
