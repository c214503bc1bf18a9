using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Screening;

namespace CareFlow.Core.Care.Plans;

/// <summary>
/// The stabilization plan of a case: opened once per case, and written with the client by the coordinator (what
/// they want to work on, goals with target dates). Adds to the unit of work; the caller saves.
/// </summary>
public static class StabilizationPlans
{
    /// <summary>The longest goal text accepted.</summary>
    public const int MaxGoalLength = 500;

    /// <summary>The longest "what the client wants" accepted.</summary>
    public const int MaxClientWantsLength = 2000;

    /// <summary>The case's plan, opened now when it has none.</summary>
    public static async Task<(StabilizationPlan Plan, bool Created)> OpenAsync(ICareData data, Guid caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plan = await data.FirstOrDefaultAsync(data.Query<StabilizationPlan>().Where(p => p.CaseId == caseId), cancellationToken);
        if (plan is not null) return (plan, false);
        plan = new StabilizationPlan { Id = Guid.CreateVersion7(now), CaseId = caseId, CreatedAt = now };
        data.Add(plan);
        return (plan, true);
    }

    /// <summary>
    /// Records the plan <paramref name="by"/> wrote with the client: what they want to work on and their goals (at least
    /// one); goals are added, never replaced.
    /// </summary>
    public static async Task<(StabilizationPlan Plan, IReadOnlyList<Goal> Goals)> WriteAsync(ICareData data, Guid caseId, string? clientWants,
        IReadOnlyList<NewGoal> goals, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(goals);
        if (string.IsNullOrWhiteSpace(by)) throw new CareValidationException("by", "A plan needs the name of the person who wrote it.");
        var written = goals.Where(g => !string.IsNullOrWhiteSpace(g.Text)).ToList();
        if (written.Count == 0) throw new CareValidationException("goals", "Write at least one goal with the client.");
        foreach (var goal in written.Where(g => g.Text.Trim().Length > MaxGoalLength))
            throw new CareValidationException("goals", $"Keep each goal under {MaxGoalLength} characters.");
        if (clientWants?.Trim().Length > MaxClientWantsLength) throw new CareValidationException("clientWants", $"Keep it under {MaxClientWantsLength} characters.");
        var (plan, _) = await OpenAsync(data, caseId, now, cancellationToken);
        plan.ClientWants = string.IsNullOrWhiteSpace(clientWants) ? plan.ClientWants : clientWants.Trim();
        plan.WrittenBy = by;
        var added = written.Select(g => new Goal
        {
            Id = Guid.CreateVersion7(now), PlanId = plan.Id, Text = g.Text.Trim(), TargetDate = g.TargetDate, Status = GoalStatus.Active,
        }).ToList();
        foreach (var goal in added) data.Add(goal);
        CaseJournal.Record(data, caseId, now, "plan-written", $"Stabilization plan written with the client by {by}: {added.Count} goal(s).");
        return (plan, added);
    }

    /// <summary>
    /// The plan of an earlier workflow version: one goal per open need, written by the workflow. Kept only for
    /// definitions that open the plan without a form.
    /// </summary>
    public static async Task<StabilizationPlan> OpenWithGoalPerNeedAsync(ICareData data, Guid caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (plan, created) = await OpenAsync(data, caseId, now, cancellationToken);
        if (!created) return plan;
        var needs = await data.ToListAsync(data.Query<Need>().Where(n => n.CaseId == caseId && n.Status == NeedStatus.Open), cancellationToken);
        foreach (var need in needs)
            data.Add(new Goal { Id = Guid.CreateVersion7(now), PlanId = plan.Id, NeedId = need.Id, Text = $"Stabilize: {need.Label}", Status = GoalStatus.Active });
        CaseJournal.Record(data, caseId, now, "plan-created", $"Stabilization plan created with {needs.Count} goal(s).");
        return plan;
    }
}

/// <summary>A goal as the coordinator wrote it with the client.</summary>
public sealed record NewGoal(string Text, DateOnly? TargetDate);
