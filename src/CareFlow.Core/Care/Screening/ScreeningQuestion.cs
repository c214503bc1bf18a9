namespace CareFlow.Core.Care.Screening;

/// <summary>One question; <see cref="MultipleChoice"/> questions accept several options.</summary>
public sealed record ScreeningQuestion(string Id, string Domain, string Text, IReadOnlyList<ScreeningOption> Options, bool MultipleChoice = false);
