using System.Net;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Pages.Tasks;

[Collection("pages")]
public sealed class TasksPageTests(CareFlowApp<PagesApp> app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(Guid Mine, Guid Theirs, string Tag)> SeedAsync(CoordinatorTaskKind kind = CoordinatorTaskKind.General)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        Guid mine = Guid.NewGuid(), theirs = Guid.NewGuid();
        await app.SeedAsync(data =>
        {
            var myCase = PagesApp.AddCase(data, PagesApp.Coordinator, "Tomas", "Bell");
            var theirCase = PagesApp.AddCase(data, PagesApp.OtherCoordinator, "Ines", "Park");
            data.Add(new CoordinatorTask { Id = mine, CaseId = myCase.Id, Kind = kind, Title = "Mine " + tag, CreatedAt = DateTimeOffset.UtcNow, DueAt = DateTimeOffset.UtcNow.AddHours(-2), Status = CoordinatorTaskStatus.Open });
            data.Add(new CoordinatorTask { Id = theirs, CaseId = theirCase.Id, Kind = CoordinatorTaskKind.General, Title = "Theirs " + tag, CreatedAt = DateTimeOffset.UtcNow, DueAt = DateTimeOffset.UtcNow.AddDays(2), Status = CoordinatorTaskStatus.Open });
        }, Cancel);
        return (mine, theirs, tag);
    }

    private async Task<CoordinatorTaskStatus> StatusAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<ICareData>();
        return (await data.FirstOrDefaultAsync(data.Query<CoordinatorTask>().Where(t => t.Id == id), Cancel))!.Status;
    }

    private static async Task<HttpResponseMessage> CompleteAsync(HttpClient client, string taskId, string? serviceId = null)
    {
        var page = await client.GetStringAsync("/tasks", Cancel);
        var fields = new Dictionary<string, string> { ["Input.TaskId"] = taskId };
        var token = Forms.TokenPair(page);
        fields[token.Key] = token.Value;
        if (serviceId is not null) fields["Input.ServiceId"] = serviceId;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync("/tasks?handler=Complete", content, Cancel);
    }

    [Fact]
    public async Task Inbox_ShowsOnlyMyCaseloadsTasks_WithOverdueMarked()
    {
        var (_, _, tag) = await SeedAsync();
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        using var response = await client.GetAsync("/tasks", Cancel);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Mine " + tag, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Theirs " + tag, html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge overdue\">Overdue</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_SeesEveryonesTasks_AndFiltersByCoordinator()
    {
        var (_, _, tag) = await SeedAsync();
        using var client = await app.SignInAsync(PagesApp.Supervisor, Cancel);
        var all = await client.GetStringAsync("/tasks", Cancel);
        Assert.Contains("Mine " + tag, all, StringComparison.Ordinal);
        Assert.Contains("Theirs " + tag, all, StringComparison.Ordinal);
        var filtered = await client.GetStringAsync($"/tasks?Coordinator={PagesApp.OtherCoordinator}", Cancel);
        Assert.DoesNotContain("Mine " + tag, filtered, StringComparison.Ordinal);
        Assert.Contains("Theirs " + tag, filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_CompletesMyTask_Through_TheUseCase()
    {
        var (mine, _, tag) = await SeedAsync();
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        using var response = await CompleteAsync(client, mine.ToString());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CoordinatorTaskStatus.Completed, await StatusAsync(mine));
        var after = await client.GetStringAsync(response.Headers.Location!.OriginalString, Cancel);
        Assert.Contains("Task completed", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Mine " + tag, after, StringComparison.Ordinal);
        Assert.True(await AuditedAsync(mine), "the completion's audit row names the task (its id comes in a form field, not the route)");
    }

    private async Task<bool> AuditedAsync(Guid taskId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlow.Infrastructure.Persistence.CareFlowDbContext>();
        var id = taskId.ToString();
        return await db.AuditEntries.AnyAsync(e => e.TargetType == "task" && e.TargetId == id && e.Method == "POST" && e.Actor == PagesApp.Coordinator, Cancel);
    }

    [Fact]
    public async Task Complete_Is404_ForAnotherCoordinatorsTask_AndGarbageIds()
    {
        var (_, theirs, _) = await SeedAsync();
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        using var foreign = await CompleteAsync(client, theirs.ToString());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(CoordinatorTaskStatus.Open, await StatusAsync(theirs));
        using var garbage = await CompleteAsync(client, "'; drop table tasks; --");
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
    }

    [Fact]
    public async Task ChooseService_WithoutAService_ShowsTheErrorAndChangesNothing()
    {
        var (mine, _, _) = await SeedAsync(CoordinatorTaskKind.ChooseService);
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        using var empty = await CompleteAsync(client, mine.ToString());
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Choose a directory service.", await empty.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var unknown = await CompleteAsync(client, mine.ToString(), "no-such-service");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("Unknown directory service", await unknown.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(CoordinatorTaskStatus.Open, await StatusAsync(mine));
    }
}
