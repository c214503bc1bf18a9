using System.Text.Json.Nodes;

namespace CareFlow.Core.Care;

/// <summary>
/// Hands a signal to the workflows waiting on a CareFlow bookmark (name + stimulus) as a durable hand-off: a use case
/// raises it in its unit of work, so the signal commits in the same transaction as the change that causes it; after
/// that commit the use case delivers it. A signal whose delivery was cut short (the node died between the commit and
/// the resume) is delivered again after a restart. Each waiting bookmark is resumed exactly once.
/// </summary>
public interface ICareSignals
{
    /// <summary>
    /// Records the signal for every workflow waiting on the bookmark now, in the unit of work (nothing is written
    /// until the use case saves); returns how many waiting activities it targets.
    /// </summary>
    Task<int> RaiseAsync(string bookmarkName, string stimulus, JsonObject? input = null, CancellationToken cancellationToken = default);

    /// <summary>After the commit: delivers the signals this unit of work raised; returns how many waiting activities were resumed.</summary>
    Task<int> DeliverAsync(CancellationToken cancellationToken = default);
}
