namespace CareFlow.Workflows.Runtime;

/// <summary>Counter-mode state of a flowchart: activity visits and connection visits.</summary>
public sealed class FlowchartCounters
{
    /// <summary>The activity the flowchart started with; fixes which connections are loops.</summary>
    public string? StartActivityId { get; init; }

    /// <summary>Visits per activity id.</summary>
    public Dictionary<string, int> ActivityVisits { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Visits per connection key.</summary>
    public Dictionary<string, ConnectionVisit> Connections { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The visit count of an activity.</summary>
    public int VisitsOf(string activityId) => ActivityVisits.GetValueOrDefault(activityId);

    /// <summary>Records a visit of an activity.</summary>
    public void Visit(string activityId) => ActivityVisits[activityId] = VisitsOf(activityId) + 1;

    /// <summary>Records a visit of a connection.</summary>
    public void Visit(string connectionKey, bool followed)
    {
        if (!Connections.TryGetValue(connectionKey, out var visit)) Connections[connectionKey] = visit = new ConnectionVisit();
        visit.Count++;
        visit.Followed = followed;
    }

    /// <summary>The visit record of a connection, or null.</summary>
    public ConnectionVisit? Of(string connectionKey) => Connections.GetValueOrDefault(connectionKey);
}
