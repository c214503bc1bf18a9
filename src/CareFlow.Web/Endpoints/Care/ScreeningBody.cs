namespace CareFlow.Web.Endpoints.Care;

/// <summary>Answers by question id, each a list of option values (one unless the question is multiple choice).</summary>
public sealed record ScreeningBody(string? InstrumentId, Dictionary<string, string[]>? Answers);
