namespace CareFlow.Workflows.Runtime;

/// <summary>Counter-mode bookkeeping for one connection: how often it was visited and whether the last visit followed it.</summary>
public sealed class ConnectionVisit
{
    /// <summary>Visit count.</summary>
    public int Count { get; set; }

    /// <summary>Whether the last visit followed the connection.</summary>
    public bool Followed { get; set; }
}
