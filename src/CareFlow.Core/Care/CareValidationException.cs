namespace CareFlow.Core.Care;

/// <summary>Input that a use case refuses; <see cref="Field"/> names the offending field for problem+json.</summary>
public sealed class CareValidationException : Exception
{
    public CareValidationException()
    {
    }

    public CareValidationException(string message)
        : base(message)
    {
    }

    public CareValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CareValidationException(string field, string message)
        : base(message) => Field = field;

    public string Field { get; } = "";
}
