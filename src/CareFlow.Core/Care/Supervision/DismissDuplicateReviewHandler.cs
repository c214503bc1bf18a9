using System.Text.Json.Nodes;
using CareFlow.Core.Audit;
using CareFlow.Core.Care.Tasks;

namespace CareFlow.Core.Care.Supervision;

/// <summary>
/// A supervisor decides that a possible duplicate is two different people: the review is completed under their name,
/// both records stay as they are, and the audit log records the decision. The caller has checked the actor's role.
/// </summary>
public sealed class DismissDuplicateReviewHandler(ICareData data, TimeProvider time)
{
    public async Task<CoordinatorTask> HandleAsync(Guid taskId, string by, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(by)) throw new CareValidationException("by", "A review decision needs the name of the supervisor who makes it.");
        var task = await data.FirstOrDefaultAsync(data.Query<CoordinatorTask>().Where(t => t.Id == taskId && t.Kind == CoordinatorTaskKind.SupervisorDuplicateReview), cancellationToken)
            ?? throw new CareValidationException("taskId", "Not a duplicate review.");
        if (task.Status is CoordinatorTaskStatus.Completed or CoordinatorTaskStatus.Cancelled)
            throw new SupervisionConflictException("taskId", "This review is already closed.");
        var now = time.GetUtcNow();
        task.Status = CoordinatorTaskStatus.Completed;
        task.CompletedAt = now;
        task.CompletedBy = by;
        task.ResultJson = new JsonObject { ["decision"] = "different-people" }.ToJsonString();
        SupervisorAudit.Record(data, now, by, AuditActions.DuplicateDismissed, "task", taskId, "DismissDuplicateReview", $"review={taskId}; case={task.CaseId}; decision=different people");
        await data.SaveChangesAsync(cancellationToken);
        return task;
    }
}
