using System.Text.Json.Nodes;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Workflows.Activities;

/// <summary>
/// Base class of every activity. A fresh object is created for each execution, its <see cref="InputAttribute"/>
/// properties are set from the evaluated inputs, then <see cref="ExecuteAsync"/> runs. An activity that waits
/// creates a bookmark through its context and returns <see cref="ActivityResult.Suspend"/>.
/// </summary>
public abstract class Activity
{
    /// <summary>Runs the activity.</summary>
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Continues the activity when one of its bookmarks is resumed; by default it completes with <c>Done</c>.</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input) =>
        ValueTask.FromResult(ActivityResult.Done);

    /// <summary>Ports that depend on the activity's JSON (fork branches, switch cases); null when the ports are static.</summary>
    public virtual IReadOnlyList<string>? GetDynamicPorts(JsonObject node) => null;
}
