namespace CareFlow.Core.Care.Rights;

/// <summary>One disclosure ledger entry: who was sent what, when, under which consent (its purpose).</summary>
public sealed record DisclosureLine(DateTimeOffset At, string Recipient, string Information, string ConsentPurpose);
