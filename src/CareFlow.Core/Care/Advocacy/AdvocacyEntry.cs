namespace CareFlow.Core.Care.Advocacy;

/// <summary>One line of a case's advocacy log.</summary>
public sealed class AdvocacyEntry
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public AdvocacyKind Kind { get; set; }

    /// <summary>What was done.</summary>
    public string Note { get; set; } = "";

    /// <summary>With whom it was done (the client, a provider, a landlord, …); optional.</summary>
    public string? WithWhom { get; set; }

    public DateTimeOffset At { get; set; }

    public string By { get; set; } = "";
}
