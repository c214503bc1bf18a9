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

    /// <summary>Refused input with several offending fields (e.g. every answer that breaks a form's rules), each with its messages.</summary>
    public CareValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(errors.Count == 0 ? "The input was refused." : errors.First().Value.FirstOrDefault() ?? "The input was refused.")
    {
        Errors = errors;
        Field = errors.Count == 0 ? "" : errors.First().Key;
    }

    public string Field { get; } = "";

    /// <summary>Every offending field with its messages; empty when only <see cref="Field"/> is named.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();
}
