namespace CareFlow.Workflows.Expressions;

/// <summary>A script failed, ran away or broke a sandbox limit. Faults the activity that evaluated it.</summary>
public sealed class ScriptException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScriptException() { }

    /// <summary>Creates the exception.</summary>
    public ScriptException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ScriptException(string message, Exception innerException) : base(message, innerException) { }
}
