namespace CareFlow.Core.Care.Clients;

/// <summary>The intake's result: the request as the workflow left it, the instance, or why it failed.</summary>
public sealed record IntakeOutcome(IntakeRequest? Request, string? InstanceId, string? Failure, bool Unavailable);
