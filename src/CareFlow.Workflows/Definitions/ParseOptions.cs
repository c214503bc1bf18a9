namespace CareFlow.Workflows.Definitions;

/// <summary>Limits applied when reading a definition document.</summary>
public sealed record ParseOptions
{
    /// <summary>The largest accepted document, in bytes (default 2 MiB).</summary>
    public int MaxDocumentBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>The deepest accepted JSON nesting (default 64, the System.Text.Json reader's limit).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The default options.</summary>
    public static ParseOptions Default { get; } = new();
}
