using CareFlow.Core.Hygiene;

namespace CareFlow.Core.Care.Supervision;

/// <summary>The reason a supervisor gives for an operation: required, one paragraph, no control characters.</summary>
public static class SupervisorReason
{
    public const int MaxLength = 500;

    /// <summary>The trimmed reason, or a refusal naming <c>reason</c>.</summary>
    public static string Require(string? reason, string what)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new CareValidationException("reason", $"Say why {what}.");
        var trimmed = reason.Trim();
        if (trimmed.Length > MaxLength) throw new CareValidationException("reason", $"Keep the reason under {MaxLength} characters.");
        if (TextHygiene.Problem(trimmed, allowLineBreaks: false) is { } problem) throw new CareValidationException("reason", problem);
        return trimmed;
    }
}
