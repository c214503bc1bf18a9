using CareFlow.Core.Care.Cases;

namespace CareFlow.Core.Care.Stages;

/// <summary>The four stage workflows (definition ids of the files in workflows/).</summary>
public static class StageWorkflows
{
    public const string Intake = "intake";
    public const string Stabilization = "stabilization";
    public const string Referral = "referral";
    public const string FollowUp = "follow-up";

    public static IReadOnlyList<string> All { get; } = [Intake, Stabilization, Referral, FollowUp];

    public static CaseStage StageOf(string definitionId) => definitionId switch
    {
        Intake => CaseStage.Intake,
        Stabilization => CaseStage.Stabilization,
        Referral => CaseStage.Referral,
        FollowUp => CaseStage.FollowUp,
        _ => throw new ArgumentOutOfRangeException(nameof(definitionId), definitionId, "Not a stage workflow."),
    };
}
