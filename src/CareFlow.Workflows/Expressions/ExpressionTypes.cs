namespace CareFlow.Workflows.Expressions;

/// <summary>The expression types CareFlow understands.</summary>
public static class ExpressionTypes
{
    /// <summary>A literal value.</summary>
    public const string Literal = "Literal";

    /// <summary>A JSON string holding a JSON value.</summary>
    public const string Object = "Object";

    /// <summary>Obsolete alias of <see cref="Object"/>.</summary>
    public const string Json = "Json";

    /// <summary>A variable reference.</summary>
    public const string Variable = "Variable";

    /// <summary>A workflow input reference.</summary>
    public const string Input = "Input";

    /// <summary>A sandboxed JavaScript expression.</summary>
    public const string JavaScript = "JavaScript";

    /// <summary>Every type that is plain data (no script).</summary>
    public static IReadOnlySet<string> Data { get; } = new HashSet<string>(StringComparer.Ordinal) { Literal, Object, Json, Variable, Input };
}
