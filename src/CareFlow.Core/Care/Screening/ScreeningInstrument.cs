namespace CareFlow.Core.Care.Screening;

/// <summary>A screening tool held as data: questions, options and per-domain scoring rules.</summary>
public sealed record ScreeningInstrument(string Id, string Name, IReadOnlyList<ScreeningQuestion> Questions, IReadOnlyList<ScreeningDomainRule> Domains);
