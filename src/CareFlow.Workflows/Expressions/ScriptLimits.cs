namespace CareFlow.Workflows.Expressions;

/// <summary>Sandbox limits for one JavaScript evaluation.</summary>
public sealed record ScriptLimits
{
    /// <summary>Wall-clock limit per evaluation (default 2 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Memory limit per evaluation (default 16 MiB).</summary>
    public long MemoryBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Call-depth limit (default 64).</summary>
    public int RecursionDepth { get; init; } = 64;

    /// <summary>Statement-count limit (default 1,000,000).</summary>
    public int MaxStatements { get; init; } = 1_000_000;

    /// <summary>The longest accepted script, in characters (default 8,192).</summary>
    public int MaxScriptLength { get; init; } = 8192;
}
