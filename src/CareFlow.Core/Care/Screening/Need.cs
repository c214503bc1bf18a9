namespace CareFlow.Core.Care.Screening;

/// <summary>A positive screening domain on a case; goals, referrals and barriers point at it.</summary>
public sealed class Need
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public Guid? ScreeningId { get; set; }

    /// <summary>The domain, which is also the directory's service category (housing, food, …).</summary>
    public string Domain { get; set; } = "";

    public string Label { get; set; } = "";

    public NeedStatus Status { get; set; }

    public DateTimeOffset IdentifiedAt { get; set; }
}
