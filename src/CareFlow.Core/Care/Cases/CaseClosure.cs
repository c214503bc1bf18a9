using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Reminders;

namespace CareFlow.Core.Care.Cases;

/// <summary>
/// Closing a case: its status and stage, who closed it and why, and the cancellation of its open coordinator tasks
/// (a supervisor's review outlives the case). Adds to the unit of work; the caller saves.
/// </summary>
public static class CaseClosure
{
    /// <summary>The reasons a coordinator closes a case for (the closure form's options), by value.</summary>
    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["goals-met"] = "Needs met, follow-up complete",
        ["client-declined"] = "The client declined further help",
        ["unreachable"] = "The client could not be reached",
        ["moved"] = "The client moved away",
        ["transferred"] = "Transferred to another program",
        ["other"] = "Other",
    };

    /// <summary>The longest summary accepted.</summary>
    public const int MaxSummaryLength = 2000;

    /// <param name="data">The unit of work.</param>
    /// <param name="reminders">Brings the cancelled tasks' reminders in line.</param>
    /// <param name="caseId">The case.</param>
    /// <param name="reason">Why it closes.</param>
    /// <param name="summary">What the coordinator wrote, if anyone did.</param>
    /// <param name="by">The person who closed it, or null when a workflow step closes it by itself.</param>
    /// <param name="now">When.</param>
    /// <param name="keepTaskId">A task left alone (the closure task being completed).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<Case> CloseAsync(ICareData data, CoordinatorReminders reminders, Guid caseId, string reason, string? summary, string? by,
        DateTimeOffset now, Guid? keepTaskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(reminders);
        if (string.IsNullOrWhiteSpace(reason)) throw new CareValidationException("reason", "Say why the case closes.");
        if (summary?.Trim().Length > MaxSummaryLength) throw new CareValidationException("summary", $"Keep the summary under {MaxSummaryLength} characters.");
        var @case = await data.RequireCaseAsync(caseId, cancellationToken);
        @case.Status = CaseStatus.Closed;
        @case.Stage = CaseStage.Closed;
        @case.ClosedAt = now;
        @case.ClosureReason = reason;
        @case.ClosureSummary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();
        @case.ClosedBy = by;
        @case.BlockedReason = null;
        var open = await data.ToListAsync(SupervisorTasks.VisibleTo(data.Query<CoordinatorTask>(), supervisor: false)
            .Where(t => t.CaseId == @case.Id && t.Id != keepTaskId && (t.Status == CoordinatorTaskStatus.Open || t.Status == CoordinatorTaskStatus.Overdue)), cancellationToken);
        foreach (var task in open)
        {
            task.Status = CoordinatorTaskStatus.Cancelled;
            await reminders.ForTaskAsync(task, cancellationToken);
        }

        CaseJournal.Record(data, @case.Id, now, "closed", by is null ? $"Case closed: {reason}" : $"Case closed by {by}: {reason}");
        return @case;
    }
}
