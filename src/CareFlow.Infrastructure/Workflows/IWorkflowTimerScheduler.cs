namespace CareFlow.Infrastructure.Workflows;

/// <summary>Arms the firing of a timer bookmark (Hangfire in production). Firing twice is harmless: resumes are guarded.</summary>
public interface IWorkflowTimerScheduler
{
    /// <summary>Schedules a resume of the bookmark at <paramref name="dueAt"/>.</summary>
    void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt);
}
