using CareFlow.Core.Care.Cases;

namespace CareFlow.Web.Pages.Shared;

/// <summary>How a case stage reads on a page ("Follow-up", not the enum's "FollowUp").</summary>
public static class StageLabels
{
    public static string For(CaseStage stage) => stage switch
    {
        CaseStage.FollowUp => "Follow-up",
        _ => stage.ToString(),
    };
}
