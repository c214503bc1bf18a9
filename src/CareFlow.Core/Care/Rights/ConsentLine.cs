namespace CareFlow.Core.Care.Rights;

/// <summary>One consent in the client's words: who may get what, why, until when, and whether it still holds.</summary>
public sealed record ConsentLine(string Recipient, string Information, string Purpose, string Until, string State, string RevokeHow);
