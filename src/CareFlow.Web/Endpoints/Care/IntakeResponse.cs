namespace CareFlow.Web.Endpoints.Care;

/// <summary>The intake's result: <c>Match</c> is None, Exact (existing client reused) or Possible (review task).</summary>
public sealed record IntakeResponse(Guid ClientId, Guid CaseId, string Match, Guid? PossibleDuplicateOfId, string? DuplicateWarning, string WorkflowInstanceId);
