using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Stages;
using CareFlow.Workflows.Activities;

namespace CareFlow.Core.Activities;

/// <summary>
/// Hands the case to the next stage's workflow. The start is recorded in this burst's transaction and performed
/// after commit (a workflow cannot start inside another's burst), exactly once.
/// </summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Start workflow",
    Description = "Hands the case over to the next stage (intake, stabilization, referral, follow-up); the new workflow receives the case id only.")]
public sealed class StartWorkflow(ICareData data) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "The stage workflow to start.", UIHint = "dropdown", Required = true, Options = ["intake", "stabilization", "referral", "follow-up"])]
    public string? DefinitionId { get; set; }

    [Output(Description = "The id the new instance will have.")]
    public string? InstanceId { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (DefinitionId is null || !StageWorkflows.All.Contains(DefinitionId)) throw new ArgumentException($"'{DefinitionId}' is not a stage workflow.");
        var @case = await data.RequireCaseAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        var request = new WorkflowStartRequest
        {
            Id = Guid.CreateVersion7(context.Now).ToString("N"), DefinitionId = DefinitionId, CaseId = @case.Id,
            RequestedByInstanceId = context.Workflow.Id, RequestedAt = context.Now,
        };
        data.Add(request);
        @case.Stage = StageWorkflows.StageOf(DefinitionId);
        CaseJournal.Record(data, @case.Id, context.Now, "stage-changed", $"Case handed over to {DefinitionId}.");
        InstanceId = request.Id;
        return ActivityResult.Done;
    }
}
