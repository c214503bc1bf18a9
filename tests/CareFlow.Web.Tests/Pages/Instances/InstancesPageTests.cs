using System.Net;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Pages.Instances;

[Collection("pages")]
public sealed class InstancesPageTests(CareFlowApp<PagesApp> app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Stores an instance row for a new case of <paramref name="coordinator"/>, waiting at one activity (or faulted).</summary>
    private async Task<string> SeedInstanceAsync(string coordinator, bool faulted = false)
    {
        var caseId = Guid.Empty;
        await app.SeedAsync(data => caseId = PagesApp.AddCase(data, coordinator).Id, Cancel);
        var id = Guid.CreateVersion7().ToString("N");
        var now = DateTimeOffset.UtcNow;
        var state = new WorkflowState
        {
            Id = id, DefinitionId = "referral", DefinitionVersionId = "referral:v1", DefinitionVersion = 1, CorrelationId = caseId.ToString(), Name = "referral " + id,
            Status = WorkflowStatus.Running, SubStatus = faulted ? WorkflowSubStatus.Faulted : WorkflowSubStatus.Suspended,
            ActivityExecutionContexts = [new ActivityContextRecord { Id = "ctx-1", ActivityId = "WaitForProviderAnswer", ActivityNodeId = "flow:WaitForProviderAnswer", ActivityType = "CareFlow.WaitForReferralResponse", Status = "Running" }],
            Bookmarks = faulted ? [] : [new Bookmark { Id = "bm-" + id, Name = "ReferralAnswered", Hash = "h-" + id, ActivityId = "WaitForProviderAnswer", ActivityNodeId = "flow:WaitForProviderAnswer", ActivityInstanceId = "ctx-1" }],
            Incidents = faulted ? [new Incident { ActivityId = "SendProviderEmail", ActivityNodeId = "flow:SendProviderEmail", ActivityType = "CareFlow.SendEmail", Message = "SMTP refused " + id, Timestamp = now }] : [],
            CreatedAt = now, UpdatedAt = now,
        };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
        db.Add(new WorkflowInstanceRecord
        {
            Id = id, DefinitionId = state.DefinitionId, DefinitionVersionId = state.DefinitionVersionId, Version = 1, Status = state.Status.ToString(), SubStatus = state.SubStatus.ToString(),
            CorrelationId = state.CorrelationId, Name = state.Name, IncidentCount = state.Incidents.Count, CreatedAt = now, UpdatedAt = now, State = WorkflowStateSerializer.Serialize(state),
        });
        db.Add(new JournalRecord { Id = "j-" + id, InstanceId = id, Sequence = 1, ActivityId = "WaitForProviderAnswer", ActivityType = "CareFlow.WaitForReferralResponse", ActivityName = "Wait for the provider", NodeId = "flow:WaitForProviderAnswer", EventName = "Started", Message = "journal line " + id, Timestamp = now });
        await db.SaveChangesAsync(Cancel);
        return id;
    }

    [Fact]
    public async Task List_ShowsTheCurrentStep_OfMyInstancesOnly()
    {
        var mine = await SeedInstanceAsync(PagesApp.Coordinator);
        var theirs = await SeedInstanceAsync(PagesApp.OtherCoordinator);
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        var html = await client.GetStringAsync("/instances", Cancel);
        Assert.Contains($"href=\"/instances/{mine}\"", html, StringComparison.Ordinal);
        Assert.Contains("WaitForProviderAnswer <span class=\"muted\">(CareFlow.WaitForReferralResponse, waits for ReferralAnswered)</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, html, StringComparison.Ordinal);

        using var supervisor = await app.SignInAsync(PagesApp.Supervisor, Cancel);
        var all = await supervisor.GetStringAsync("/instances", Cancel);
        Assert.Contains(mine, all, StringComparison.Ordinal);
        Assert.Contains(theirs, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_Is404_ForAnotherCoordinatorsInstance_AndUnknownIds()
    {
        var theirs = await SeedInstanceAsync(PagesApp.OtherCoordinator, faulted: true);
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        using var page = await client.GetAsync($"/instances/{theirs}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var unknown = await client.GetAsync("/instances/%27%20or%201%3D1--", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var token = Forms.TokenPair(await client.GetStringAsync("/tasks", Cancel));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { [token.Key] = token.Value });
        using var retry = await client.PostAsync($"/instances/{theirs}?handler=Retry", form, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode);
    }

    [Fact]
    public async Task Detail_ShowsJournalIncidentsAndRetry_ForAFaultedInstance()
    {
        var id = await SeedInstanceAsync(PagesApp.Coordinator, faulted: true);
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        using var response = await client.GetAsync($"/instances/{id}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("SMTP refused " + id, html, StringComparison.Ordinal);
        Assert.Contains("journal line " + id, html, StringComparison.Ordinal);
        Assert.Contains("Wait for the provider", html, StringComparison.Ordinal);
        Assert.Contains(">Retry</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_OfASuspendedInstance_IsRefusedOnThePage()
    {
        var id = await SeedInstanceAsync(PagesApp.Coordinator);
        using var client = await app.SignInAsync(PagesApp.Supervisor, Cancel);
        var page = await client.GetStringAsync($"/instances/{id}", Cancel);
        Assert.DoesNotContain(">Retry</button>", page, StringComparison.Ordinal);
        var token = Forms.TokenPair(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { [token.Key] = token.Value });
        using var retry = await client.PostAsync($"/instances/{id}?handler=Retry", form, Cancel);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Contains("Only a faulted instance can be retried.", await retry.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
