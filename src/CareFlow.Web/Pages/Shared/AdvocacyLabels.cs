using CareFlow.Core.Care.Advocacy;

namespace CareFlow.Web.Pages.Shared;

/// <summary>How each kind of advocacy reads on a page, in the seeds' words ("Resource management", not the enum's "Resources").</summary>
public static class AdvocacyLabels
{
    /// <summary>Every kind with its label, in the order the form offers them.</summary>
    public static IReadOnlyList<(AdvocacyKind Kind, string Label)> All { get; } = [.. Enum.GetValues<AdvocacyKind>().Select(k => (k, For(k)))];

    public static string For(AdvocacyKind kind) => kind switch
    {
        AdvocacyKind.Empowerment => "Empowerment",
        AdvocacyKind.Navigation => "Navigation",
        AdvocacyKind.EmotionalSupport => "Emotional support",
        AdvocacyKind.Resources => "Resource management",
        AdvocacyKind.Cooperation => "Cooperation",
        AdvocacyKind.SystemicIssue => "Systemic issue",
        _ => kind.ToString(),
    };
}
