namespace CareFlow.Workflows.Definitions;

/// <summary>Thrown when a definition cannot be accepted; carries every error found.</summary>
public sealed class DefinitionException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public DefinitionException(IReadOnlyList<DefinitionError> errors)
        : base(errors.Count == 0 ? "The workflow definition is invalid." : $"{errors[0].Path}: {errors[0].Message}")
        => Errors = errors;

    /// <summary>Creates the exception with a single error at the document root.</summary>
    public DefinitionException() : this([]) { }

    /// <summary>Creates the exception with a single error at the document root.</summary>
    public DefinitionException(string message) : this([new DefinitionError("$", message)]) { }

    /// <summary>Creates the exception with a single error at the document root.</summary>
    public DefinitionException(string message, Exception innerException) : base(message, innerException)
        => Errors = [new DefinitionError("$", message)];

    /// <summary>Every error found, each with its JSON path.</summary>
    public IReadOnlyList<DefinitionError> Errors { get; } = [];
}
