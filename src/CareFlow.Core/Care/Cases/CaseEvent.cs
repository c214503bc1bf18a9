namespace CareFlow.Core.Care.Cases;

/// <summary>One line of the case timeline: where the client stands and why (no clinical detail).</summary>
public sealed class CaseEvent
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Short machine kind, e.g. <c>consent-blocked</c>, <c>stage-changed</c>.</summary>
    public string Kind { get; set; } = "";

    public string Text { get; set; } = "";
}
