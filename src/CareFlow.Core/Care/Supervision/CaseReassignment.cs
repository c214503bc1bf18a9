namespace CareFlow.Core.Care.Supervision;

/// <summary>What a reassignment moved: the case, from whom to whom, and how many open tasks and pending check-ins went with it.</summary>
public sealed record CaseReassignment(Guid CaseId, string From, string To, int OpenTasks, int PendingCheckIns);
