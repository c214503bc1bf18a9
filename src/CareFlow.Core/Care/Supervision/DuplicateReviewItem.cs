using CareFlow.Core.Care.Tasks;

namespace CareFlow.Core.Care.Supervision;

/// <summary>One open duplicate review: the task, the record the intake registered and the existing record it may duplicate (null when unknown).</summary>
public sealed record DuplicateReviewItem(CoordinatorTask Task, ClientRecord? Registered, ClientRecord? Existing);
