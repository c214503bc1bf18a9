namespace CareFlow.Core.Care.Screening;

/// <summary>How a domain is scored, and whether a positive result calls for stabilization before referrals.</summary>
public sealed record ScreeningDomainRule(string Domain, string Label, ScoringMethod Method, int Threshold = 0, bool RequiresStabilization = false);
