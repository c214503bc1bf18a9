using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CareFlow.Core.Audit;
using CareFlow.Infrastructure.Workflows;
using CareFlow.IntegrationTests.Care;
using CareFlow.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.IntegrationTests.Security;

/// <summary>
/// Starting, resuming and cancelling workflows through <c>/elsa/api</c> is decided by what the request touches: a
/// coordinator may not run definitions at all, a designer only on cases of their own caseload, and a refusal leaves
/// nothing on the other case but an audit row. Also: no GET execute, a faulted start is not a 500, bad input is a 4xx
/// before any instance exists, cancelling a missing instance is 404, and unmatched events are capped.
/// </summary>
[Collection("care")]
public sealed class ElsaRuntimeAuthorizationTests(CareFlowApp<CareApp> app) : IAsyncLifetime
{
    private const string CoordinatorA = "run-a";
    private const string CoordinatorB = "run-b";
    private const string DesignerD = "run-d";

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Coordinator_CannotExecuteOrDispatchStabilization_OnAnotherCoordinatorsCase_AndTheRefusalIsAudited()
    {
        await CaseloadRig.CreateUserAsync(app, CoordinatorA, CareFlowRoles.Coordinator);
        await CaseloadRig.CreateUserAsync(app, CoordinatorB, CareFlowRoles.Coordinator);
        var (caseA, clientA) = await IntakeAsync(CoordinatorA);
        var before = await CaseloadRig.RowsMentioningAsync(app, [caseA, clientA]);
        var instancesBefore = await InstanceCountAsync();

        using var b = await CaseloadRig.SignInAsync(app, CoordinatorB);
        foreach (var action in new[] { "execute", "dispatch" })
        {
            using var response = await b.PostAsJsonAsync($"/elsa/api/workflow-definitions/stabilization/{action}", new { input = new { caseId = caseA } }, Cancel);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        await app.HandOverAsync();
        Assert.Equal(before, await CaseloadRig.RowsMentioningAsync(app, [caseA, clientA]));
        Assert.Equal(instancesBefore, await InstanceCountAsync());
        var denials = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Actor == CoordinatorB && e.Action == AuditActions.Denied).Select(e => e.Route).ToListAsync(Cancel));
        Assert.Contains("/elsa/api/workflow-definitions/{definitionId}/execute", denials);
        Assert.Contains("/elsa/api/workflow-definitions/{definitionId}/dispatch", denials);
    }

    [Fact]
    public async Task Designer_CannotRunOnACaseOutsideTheirCaseload_ByInputVariablesOrCorrelation_ButCanOnTheirOwn()
    {
        await CaseloadRig.CreateUserAsync(app, CoordinatorA, CareFlowRoles.Coordinator);
        await CaseloadRig.CreateUserAsync(app, DesignerD, CareFlowRoles.Coordinator, CareFlowRoles.Designer);
        var (caseA, clientA) = await IntakeAsync(CoordinatorA);
        var (caseD, _) = await IntakeAsync(DesignerD);
        var before = await CaseloadRig.RowsMentioningAsync(app, [caseA, clientA]);
        var instancesBefore = await InstanceCountAsync();

        using var d = await CaseloadRig.SignInAsync(app, DesignerD);
        object[] bodies =
        [
            new { input = new { caseId = caseA } },
            new { input = new { caseId = caseD, note = new[] { clientA } } },
            new { variables = new { CaseId = caseA } },
            new { correlationId = caseA },
        ];
        foreach (var action in new[] { "execute", "dispatch" })
        {
            foreach (var body in bodies)
            {
                using var response = await d.PostAsJsonAsync($"/elsa/api/workflow-definitions/stabilization/{action}", body, Cancel);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{action} {System.Text.Json.JsonSerializer.Serialize(body)} answered {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        await app.HandOverAsync();
        Assert.Equal(before, await CaseloadRig.RowsMentioningAsync(app, [caseA, clientA]));
        Assert.Equal(instancesBefore, await InstanceCountAsync());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(
            e => e.Actor == DesignerD && e.Action == AuditActions.Denied && e.TargetId == caseA && e.Route == "/elsa/api/workflow-definitions/{definitionId}/execute", Cancel)),
            "the refused run is in the audit log with the case it named");

        // Their own case: the run starts, correlated to that case, and is audited as a change of it.
        using var own = await d.PostAsJsonAsync("/elsa/api/workflow-definitions/stabilization/execute", new { input = new { caseId = caseD } }, Cancel);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var instanceId = own.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        Assert.Equal(caseD, await app.WithDbAsync(db => db.Set<WorkflowInstanceRecord>().Where(i => i.Id == instanceId).Select(i => i.CorrelationId).SingleAsync(Cancel)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Actor == DesignerD && e.Action == AuditActions.Change && e.TargetId == caseD, Cancel)));
    }

    [Fact]
    public async Task Designer_CannotTriggerEventsOrCancel_OnAnotherCaseload()
    {
        await CaseloadRig.CreateUserAsync(app, CoordinatorA, CareFlowRoles.Coordinator);
        await CaseloadRig.CreateUserAsync(app, DesignerD, CareFlowRoles.Coordinator, CareFlowRoles.Designer);
        var (caseA, clientA) = await IntakeAsync(CoordinatorA);
        var instanceA = await app.WithDbAsync(db => db.Set<WorkflowInstanceRecord>().Where(i => i.CorrelationId == caseA).Select(i => i.Id).FirstAsync(Cancel));
        var before = await CaseloadRig.RowsMentioningAsync(app, [caseA, clientA, instanceA]);

        using var d = await CaseloadRig.SignInAsync(app, DesignerD);
        using var broadcast = await d.PostAsJsonAsync("/elsa/api/events/walk/trigger", new { input = new { } }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, broadcast.StatusCode);
        using var correlated = await d.PostAsJsonAsync("/elsa/api/events/walk/trigger", new { correlationId = caseA }, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, correlated.StatusCode);
        using var toInstance = await d.PostAsJsonAsync("/elsa/api/events/walk/trigger", new { workflowInstanceId = instanceA }, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, toInstance.StatusCode);
        using var cancel = await d.PostAsync($"/elsa/api/cancel/workflow-instances/{instanceA}", null, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        using var retry = await d.PostAsync($"/elsa/api/workflow-instances/{instanceA}/retry", null, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode);

        Assert.Equal(before, await CaseloadRig.RowsMentioningAsync(app, [caseA, clientA, instanceA]));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PendingEventRecord>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task Execute_IsNotReachableByGet()
    {
        using var api = app.Api();
        using var response = await api.GetAsync("/elsa/api/workflow-definitions/stabilization/execute?input=%7B%7D", Cancel);
        Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"GET execute answered {(int)response.StatusCode}");
        Assert.Equal(0, await InstanceCountAsync());
    }

    [Fact]
    public async Task Execute_AnswersBadInputWith4xxBeforeAnyInstance_AndAFaultedStartWithOk()
    {
        using var api = app.Api();
        using var notAnId = await api.PostAsJsonAsync("/elsa/api/workflow-definitions/stabilization/execute", new { input = new { caseId = "not-an-id" } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, notAnId.StatusCode);
        Assert.Contains("$.input.caseId", await notAnId.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var unknown = await api.PostAsJsonAsync("/elsa/api/workflow-definitions/stabilization/execute", new { input = new { caseId = Guid.NewGuid() } }, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, await InstanceCountAsync());

        // No case at all: the workflow itself faults on its first CareFlow step. Elsa answers 200 with the state.
        using var faulted = await api.PostAsJsonAsync("/elsa/api/workflow-definitions/stabilization/execute", new { input = new { } }, Cancel);
        Assert.Equal(HttpStatusCode.OK, faulted.StatusCode);
        var state = (await faulted.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["workflowState"]!;
        Assert.Equal("Faulted", (string?)state["subStatus"]);
    }

    [Fact]
    public async Task Cancel_OfAMissingInstance_IsNotFound()
    {
        using var api = app.Api();
        using var response = await api.PostAsync("/elsa/api/cancel/workflow-instances/no-such-instance", null, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EventTrigger_RefusesBadNamesLargePayloadsAndAFullQueue_WithProblemDetails()
    {
        using var api = app.Api();
        foreach (var name in new[] { new string('e', 129), "bad%01name", "%20leading" })
        {
            using var response = await api.PostAsJsonAsync($"/elsa/api/events/{name}/trigger", new { }, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"'{name}' answered {(int)response.StatusCode}");
        }

        var large = new StringContent("{\"input\":{\"blob\":\"" + new string('x', 65 * 1024) + "\"}}", Encoding.UTF8, "application/json");
        using (var tooLarge = await api.PostAsync("/elsa/api/events/big/trigger", large, Cancel))
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PendingEventRecord>().CountAsync(Cancel)));

        // The caller's cap of unmatched events is kept; the next one is refused and not stored.
        var cap = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CareFlow.Web.Endpoints.Elsa.EventTriggerLimits>>().Value.MaxPendingPerSource;
        Assert.InRange(cap, 1, 5000);
        for (var i = 0; i < cap; i++)
        {
            using var kept = await api.PostAsJsonAsync($"/elsa/api/events/nobody-waits-{i}/trigger", new { correlationId = $"c{i}" }, Cancel);
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        }

        using var refused = await api.PostAsJsonAsync($"/elsa/api/events/nobody-waits-{cap}/trigger", new { correlationId = $"c{cap}" }, Cancel);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(cap, await app.WithDbAsync(db => db.Set<PendingEventRecord>().CountAsync(Cancel)));
    }

    private async Task<(string CaseId, string ClientId)> IntakeAsync(string coordinator)
    {
        using var http = app.Api();
        var intake = await new CareApiClient(http).PostAsync("/api/clients/intake", new
        {
            givenName = "Runa" + coordinator[^1], familyName = "Case", dateOfBirth = "1985-04-0" + (coordinator == CoordinatorA ? "1" : "2"),
            phone = coordinator == CoordinatorA ? "555-100-2000" : "555-100-3000", coordinatorId = coordinator,
        }, HttpStatusCode.Created);
        return ((string)intake["caseId"]!, (string)intake["clientId"]!);
    }

    private Task<int> InstanceCountAsync() => app.WithDbAsync(db => db.Set<WorkflowInstanceRecord>().CountAsync(Cancel));
}
