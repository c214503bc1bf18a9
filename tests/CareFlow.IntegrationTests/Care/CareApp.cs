using System.Text.Json.Nodes;
using CareFlow.Core.Care.Stages;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Care;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Care;

/// <summary>
/// The app on the real PostgreSQL (its own database, careflow_care_test, so other suites run alongside) with a fake
/// clock and an API key; tests reset the data (not the published workflows and forms) before each test.
/// </summary>
public sealed class CareApp : CareFlowAppOptions
{
    public const string ApiKey = "care-test-key";

    public CareApp()
    {
        Environment = "Development";
        Database = AppDatabase.NamedPostgres;
        DatabaseName = "careflow_care_test";
        DataDirectoryPrefix = "careflow-care-tests";
        ConfiguredApiKey = ApiKey;
        DemoData = false;
        // Starts on the next Monday 09:00 UTC after the real time, so Hangfire never fires a fake-time timer early.
        ClockStart = NextMonday();
        TablesKeptOnReset.Add(("workflows", "definitions"));
        // The forms provisioned at start-up stay published: the stage workflows' tasks pin them.
        TablesKeptOnReset.Add(("careflow", "form_versions"));
    }

    /// <summary>The provisioner publishes workflows/*.json at start-up; publish here too in case it skipped one.</summary>
    public override async Task OnStartedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        foreach (var id in StageWorkflows.All)
        {
            if (await definitions.GetAsync(id, VersionOptions.Published, cancellationToken) is not null) continue;
            var json = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(RepositoryRoot.Combine("workflows", id + ".json"), cancellationToken))!;
            await definitions.SaveAsync(json, publish: true, new ValidationOptions(), cancellationToken);
        }
    }

    private static DateTimeOffset NextMonday()
    {
        var today = DateTimeOffset.UtcNow.Date.AddDays(1);
        while (today.DayOfWeek != DayOfWeek.Monday) today = today.AddDays(1);
        return new DateTimeOffset(today.AddHours(9), TimeSpan.Zero);
    }
}

/// <summary>What the care tests do to the app beside HTTP: fire due timers on the fake clock, run the stage hand-over.</summary>
public static class CareAppActions
{
    /// <summary>Resumes every timer bookmark that is due on the fake clock, until none is (what Hangfire would do).</summary>
    public static async Task<int> RunDueTimersAsync(this CareFlowApp<CareApp> app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var fired = 0;
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
            var now = app.Clock.GetUtcNow();
            var due = await db.Set<BookmarkRecord>().AsNoTracking().Where(b => b.ResumeAt != null && b.ResumeAt <= now).OrderBy(b => b.ResumeAt).FirstOrDefaultAsync();
            if (due is null) return fired;
            await scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>().ResumeAsync(due.InstanceId, due.Id, null);
            fired++;
        }
    }

    /// <summary>Advances the fake clock and fires what became due.</summary>
    public static async Task AdvanceAsync(this CareFlowApp<CareApp> app, TimeSpan by)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Clock.Advance(by);
        await app.RunDueTimersAsync();
    }

    public static async Task HandOverAsync(this CareFlowApp<CareApp> app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IStageHandOver>().ProcessPendingAsync();
    }

    /// <summary>A client with the care API key that follows redirects.</summary>
    public static HttpClient Api(this CareFlowApp<CareApp> app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.CreateApiClient(followRedirects: true);
    }

    /// <summary>Empties the data before a test; the published workflows stay.</summary>
    public static Task ResetAsync(this CareFlowApp<CareApp> app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.ResetDatabaseAsync(TestContext.Current.CancellationToken);
    }
}
