using CareFlow.Infrastructure.Care;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Web.Security;
using CareFlow.Core.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.BrowserTests;

/// <summary>
/// The whole-journey host: the repository's workflows and forms, a coordinator and a supervisor, and a fake clock so
/// that the weeks between a check-in and the next, or a referral and its day-90 follow-up, pass in a test. Time passing
/// is the one thing done outside the browser (<see cref="TimePassesAsync"/>): it fires the timers that became due, as
/// the scheduler would. Emails land as .eml files in the embedded outbox folder.
/// </summary>
public sealed class CareJourneyAppFixture : BrowserAppFixture<CareJourneyAppFixture.Options>
{
    public const string CoordinatorUser = "casey";
    public const string SupervisorUser = "sam";
    public const string Password = "journey-test-password";

    public string OutboxDirectory => Path.Combine(DataDirectory, "outbox");

    public sealed class Options : CareFlowAppOptions
    {
        public Options()
        {
            Workflows = WorkflowFiles.Repository;
            UserPassword = Password;
            DemoData = false;
            AddUsers((CoordinatorUser, CareFlowRoles.Coordinator), (SupervisorUser, CareFlowRoles.Supervisor));
            // The next Monday 09:00 after the real time: the scheduler never fires a fake-time timer before the test does.
            var day = DateTimeOffset.UtcNow.Date.AddDays(1);
            while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
            ClockStart = new DateTimeOffset(day.AddHours(9), TimeSpan.Zero);
        }
    }

    /// <summary>Moves the clock on and fires every timer that became due, then any stage hand-over it caused.</summary>
    public async Task TimePassesAsync(TimeSpan by)
    {
        // A hand-over still queued started its stage before the time passed.
        await HandOverAsync();
        App.Clock.Advance(by);
        while (true)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
            var now = App.Clock.GetUtcNow();
            var due = await db.Set<BookmarkRecord>().AsNoTracking().Where(b => b.ResumeAt != null && b.ResumeAt <= now).OrderBy(b => b.ResumeAt).FirstOrDefaultAsync();
            if (due is null) break;
            await scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>().ResumeAsync(due.InstanceId, due.Id, null);
        }

        await HandOverAsync();
    }

    private async Task HandOverAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IStageHandOver>().ProcessPendingAsync();
    }
}

[CollectionDefinition("care-journey")]
public sealed class CareJourneyCollectionDefinition : ICollectionFixture<CareJourneyAppFixture>;
