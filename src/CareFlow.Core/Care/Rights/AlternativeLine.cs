namespace CareFlow.Core.Care.Rights;

/// <summary>A directory service for an open need that has not been referred to yet.</summary>
public sealed record AlternativeLine(string Need, string Service, string Organization, string? Cost, string? Eligibility);
