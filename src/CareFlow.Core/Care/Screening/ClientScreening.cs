namespace CareFlow.Core.Care.Screening;

/// <summary>A completed screening: the answers as JSON (question id → option values) and the positive domains.</summary>
public sealed class ClientScreening
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public string InstrumentId { get; set; } = "";

    public string AnswersJson { get; set; } = "{}";

    /// <summary>Comma-separated positive domains.</summary>
    public string PositiveDomains { get; set; } = "";

    public bool RequiresStabilization { get; set; }

    public DateTimeOffset ScreenedAt { get; set; }

    public string ScreenedBy { get; set; } = "";
}
