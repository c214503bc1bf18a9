using CareFlow.Workflows.Runtime;

namespace CareFlow.Web.Pages.Instances;

/// <summary>Where an instance waits: the activity of each open bookmark (id and type) and what it waits for.</summary>
public sealed record InstanceStep(string ActivityId, string ActivityType, string BookmarkName, DateTimeOffset? ResumeAt)
{
    public static IReadOnlyList<InstanceStep> Of(WorkflowState state)
    {
        return [.. state.Bookmarks.Select(b => new InstanceStep(b.ActivityId,
            state.ActivityExecutionContexts.FirstOrDefault(c => c.Id == b.ActivityInstanceId)?.ActivityType ?? "", b.Name, b.ResumeAt))];
    }
}
