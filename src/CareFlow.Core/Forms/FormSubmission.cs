namespace CareFlow.Core.Forms;

/// <summary>Answers a person gave to a form, kept with the form id and the version they were given under.</summary>
public sealed class FormSubmission
{
    public Guid Id { get; set; }

    public string FormId { get; set; } = "";

    public int FormVersion { get; set; }

    /// <summary>The checked answers as JSON (see <see cref="FormAnswerValidator"/>).</summary>
    public string AnswersJson { get; set; } = "";

    public Guid CaseId { get; set; }

    /// <summary>The task the answers completed, if any.</summary>
    public Guid? TaskId { get; set; }

    public string SubmittedBy { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }
}
