using CareFlow.Core.Care;
using CareFlow.Core.Care.Advocacy;
using CareFlow.Workflows.Activities;

namespace CareFlow.Core.Activities;

/// <summary>Adds a line to the case's advocacy log.</summary>
[Activity("CareFlow", Category = "CareFlow", DisplayName = "Log advocacy",
    Description = "Records what was done for the client: empowerment, navigation, emotional support, resources, cooperation or a systemic issue.")]
public sealed class LogAdvocacy(ICareData data) : Activity
{
    [Input(Description = "The case id; defaults to the CaseId variable or caseId input.")]
    public string? CaseId { get; set; }

    [Input(Description = "The kind of advocacy.", UIHint = "dropdown", Required = true,
        Options = ["Empowerment", "Navigation", "EmotionalSupport", "Resources", "Cooperation", "SystemicIssue"])]
    public string? Kind { get; set; }

    [Input(Description = "What was done.", UIHint = "multiline", Required = true)]
    public string? Note { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!Enum.TryParse<AdvocacyKind>(Kind, out var kind)) throw new ArgumentException($"Unknown advocacy kind '{Kind}'.");
        if (string.IsNullOrWhiteSpace(Note)) throw new ArgumentException("note is required.");
        var @case = await data.RequireCaseAsync(CareInputs.CaseId(context, CaseId), context.CancellationToken);
        data.Add(new AdvocacyEntry { Id = Guid.CreateVersion7(context.Now), CaseId = @case.Id, Kind = kind, Note = Note, At = context.Now, By = "workflow" });
        return ActivityResult.Done;
    }
}
