namespace CareFlow.Web.Pages.Cases;

/// <summary>One step a workflow of a case stands at: its name from the definition, what it waits for in plain words, and since when.</summary>
public sealed record WaitingStep(string Step, string WaitsFor, DateTimeOffset Since);
