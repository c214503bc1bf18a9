namespace CareFlow.Core.Care.Screening;

/// <summary>An answer option: <see cref="Positive"/> for "any positive" domains, <see cref="Score"/> for summed domains.</summary>
public sealed record ScreeningOption(string Value, string Label, bool Positive = false, int Score = 0);
