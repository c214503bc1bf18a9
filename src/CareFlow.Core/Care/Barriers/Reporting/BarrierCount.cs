namespace CareFlow.Core.Care.Barriers.Reporting;

/// <summary>One published count: <see cref="Value"/> is null when suppressed, so a hidden count never leaves Core.</summary>
public sealed record BarrierCount(string Label, int? Value)
{
    /// <summary>How a suppressed count reads in the table, the chart and the CSV.</summary>
    public const string SuppressedText = "<11";

    public bool Suppressed => Value is null;

    public string Display => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? SuppressedText;
}
