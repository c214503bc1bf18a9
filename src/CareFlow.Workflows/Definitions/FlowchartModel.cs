namespace CareFlow.Workflows.Definitions;

/// <summary>The root <c>Elsa.Flowchart</c> of a definition: its activities, connections and local variables.</summary>
/// <param name="Id">The flowchart's activity id.</param>
/// <param name="Activities">The activities in array order.</param>
/// <param name="Connections">The connections in array order.</param>
/// <param name="Variables">Variables declared on the flowchart itself.</param>
public sealed record FlowchartModel(
    string Id,
    IReadOnlyList<ActivityNode> Activities,
    IReadOnlyList<Connection> Connections,
    IReadOnlyList<VariableDefinition> Variables)
{
    /// <summary>Finds an activity by id.</summary>
    public ActivityNode? Find(string activityId) => Activities.FirstOrDefault(a => a.Id == activityId);
}
