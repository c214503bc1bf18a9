using CareFlow.Workflows.Definitions;

namespace CareFlow.Workflows.Runtime;

/// <summary>Chooses the one activity a flowchart starts with, in Elsa's order of preference.</summary>
internal static class StartActivity
{
    public static string? Choose(FlowchartModel flowchart, string? triggerActivityId)
    {
        if (triggerActivityId is not null && flowchart.Find(triggerActivityId) is { } trigger) return trigger.Id;
        var targets = flowchart.Connections.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);
        return (flowchart.Activities.FirstOrDefault(a => a.Type == "Elsa.Start")
                ?? flowchart.Activities.FirstOrDefault(a => a.CanStartWorkflow)
                ?? flowchart.Activities.FirstOrDefault(a => !targets.Contains(a.Id))
                ?? (flowchart.Activities.Count > 0 ? flowchart.Activities[0] : null))?.Id;
    }
}
