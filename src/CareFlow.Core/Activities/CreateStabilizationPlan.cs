using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Screening;
using CareFlow.Workflows.Activities;

namespace CareFlow.Core.Activities;

/// <summary>Starts the case's stabilization plan with one goal per open need.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Create stabilization plan",
    Description = "Creates the stabilization plan (one goal per open need) unless the case already has one.")]
public sealed class CreateStabilizationPlan(ICareData data) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Output(Description = "The plan id.")]
    public string? PlanId { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var @case = await data.RequireCaseAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        var plan = await data.FirstOrDefaultAsync(data.Query<StabilizationPlan>().Where(p => p.CaseId == @case.Id), context.CancellationToken);
        if (plan is null)
        {
            plan = new StabilizationPlan { Id = Guid.CreateVersion7(context.Now), CaseId = @case.Id, CreatedAt = context.Now };
            data.Add(plan);
            var needs = await data.ToListAsync(data.Query<Need>().Where(n => n.CaseId == @case.Id && n.Status == NeedStatus.Open), context.CancellationToken);
            foreach (var need in needs)
                data.Add(new Goal { Id = Guid.CreateVersion7(context.Now), PlanId = plan.Id, NeedId = need.Id, Text = $"Stabilize: {need.Label}", Status = GoalStatus.Active });
            CaseJournal.Record(data, @case.Id, context.Now, "plan-created", $"Stabilization plan created with {needs.Count} goal(s).");
        }

        PlanId = plan.Id.ToString();
        return ActivityResult.Done;
    }
}
