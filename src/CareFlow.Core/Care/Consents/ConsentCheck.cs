namespace CareFlow.Core.Care.Consents;

/// <summary>The result of checking consents for a disclosure to one recipient.</summary>
public sealed record ConsentCheck(ConsentVerdict Verdict, Guid? ConsentId, string Reason);
