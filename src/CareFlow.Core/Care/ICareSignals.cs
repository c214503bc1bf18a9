using System.Text.Json.Nodes;

namespace CareFlow.Core.Care;

/// <summary>Resumes the workflows waiting on a CareFlow bookmark (name + stimulus), each exactly once.</summary>
public interface ICareSignals
{
    /// <summary>Returns how many waiting activities were resumed.</summary>
    Task<int> SignalAsync(string bookmarkName, string stimulus, JsonObject? input = null, CancellationToken cancellationToken = default);
}
