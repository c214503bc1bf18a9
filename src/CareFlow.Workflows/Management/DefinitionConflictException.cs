namespace CareFlow.Workflows.Management;

/// <summary>A save was based on a version someone else has changed since; nothing was written.</summary>
public sealed class DefinitionConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DefinitionConflictException() { }

    /// <summary>Creates the exception.</summary>
    public DefinitionConflictException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public DefinitionConflictException(string message, Exception innerException) : base(message, innerException) { }
}
