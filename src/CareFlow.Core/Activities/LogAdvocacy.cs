using CareFlow.Workflows.Activities;

namespace CareFlow.Core.Activities;

/// <summary>
/// Retired. A workflow step is not a person, so it no longer writes the advocacy log: advocacy is recorded by a
/// coordinator (the case page, <c>POST /api/cases/{id}/advocacy</c>). The type stays registered only so that instances
/// started on an earlier version of a workflow that used it move past the step; it records nothing and is hidden from
/// the designer's toolbox.
/// </summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Log advocacy (retired)", IsBrowsable = false,
    Description = "Retired: records nothing. Advocacy is recorded by the coordinator on the case page.")]
public sealed class LogAdvocacy : Activity
{
    /// <summary>Kept so that earlier definitions still bind; not used.</summary>
    [Input(Description = "Not used.")]
    public string? CaseId { get; set; }

    /// <summary>Kept so that earlier definitions still bind; not used.</summary>
    [Input(Description = "Not used.")]
    public string? Kind { get; set; }

    /// <summary>Kept so that earlier definitions still bind; not used.</summary>
    [Input(Description = "Not used.")]
    public string? Note { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}
