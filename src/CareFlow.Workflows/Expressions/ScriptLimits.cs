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

    /// <summary>
    /// The longest string one built-in call may build at once (<c>repeat</c>, <c>padStart</c>, <c>padEnd</c>): a quarter of
    /// <see cref="MemoryBytes"/> in characters, so one such string (two bytes a character) takes at most half the memory limit.
    /// </summary>
    public int MaxStringLength => (int)Math.Clamp(MemoryBytes / 4, 1, int.MaxValue);

    /// <summary>The longest array: one element per 16 bytes of <see cref="MemoryBytes"/> (a reference and its share of a value).</summary>
    public uint MaxArrayLength => (uint)Math.Clamp(MemoryBytes / 16, 1, uint.MaxValue);
}
