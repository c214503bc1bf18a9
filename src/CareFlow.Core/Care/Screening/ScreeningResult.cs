namespace CareFlow.Core.Care.Screening;

/// <summary>Scoring output: refusals by field, or the positive domains.</summary>
public sealed record ScreeningResult(IReadOnlyList<(string Field, string Message)> Errors, IReadOnlyList<ScreeningDomainRule> PositiveDomains)
{
    public bool IsValid => Errors.Count == 0;

    public bool RequiresStabilization => PositiveDomains.Any(d => d.RequiresStabilization);
}
