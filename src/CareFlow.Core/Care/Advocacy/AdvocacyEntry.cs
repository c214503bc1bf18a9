namespace CareFlow.Core.Care.Advocacy;

/// <summary>One line of a case's advocacy log.</summary>
public sealed class AdvocacyEntry
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public AdvocacyKind Kind { get; set; }

    public string Note { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string By { get; set; } = "";
}
