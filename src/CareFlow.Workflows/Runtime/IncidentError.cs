namespace CareFlow.Workflows.Runtime;

/// <summary>The exception behind an incident, in Elsa's shape.</summary>
/// <param name="Type">The exception type alias.</param>
/// <param name="Message">The message.</param>
/// <param name="StackTrace">The stack trace, when kept.</param>
public sealed record IncidentError(string Type, string Message, string? StackTrace);
