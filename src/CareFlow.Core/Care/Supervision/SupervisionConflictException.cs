namespace CareFlow.Core.Care.Supervision;

/// <summary>
/// A supervisor's operation that is well formed but conflicts with the records as they are (a client already merged,
/// a review already closed); <see cref="Field"/> names the field for problem+json (409).
/// </summary>
public sealed class SupervisionConflictException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
