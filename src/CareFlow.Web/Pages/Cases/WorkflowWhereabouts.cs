namespace CareFlow.Web.Pages.Cases;

/// <summary>
/// Where one running (or faulted) workflow of a case stands: its name and version, its state in words, the steps it
/// waits at, and the links to its instance page and (for those who may open it) the designer's instance view.
/// </summary>
public sealed record WorkflowWhereabouts(string InstanceId, string Workflow, int Version, string State, IReadOnlyList<WaitingStep> Steps,
    string InstanceLink, string? DesignerLink);
