namespace CareFlow.Workflows.Definitions;

/// <summary>A flowchart connection from a source activity's port to a target activity.</summary>
/// <param name="Source">The source activity id.</param>
/// <param name="SourcePort">The source port (outcome); null means <c>Done</c>.</param>
/// <param name="Target">The target activity id.</param>
/// <param name="TargetPort">The target port; ignored by the engine, kept for round-tripping.</param>
/// <param name="Index">The connection's position in the <c>connections</c> array.</param>
public sealed record Connection(string Source, string? SourcePort, string Target, string? TargetPort, int Index)
{
    /// <summary>A key unique within the flowchart.</summary>
    public string Key => $"{Index}:{Source}:{SourcePort}->{Target}";
}
