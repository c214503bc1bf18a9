namespace CareFlow.Core.Care.Barriers.Reporting;

/// <summary>The report's filters: recorded from/to (inclusive, UTC dates) and one barrier category.</summary>
public sealed record BarrierReportFilter(DateOnly? From, DateOnly? To, BarrierCategory? Category);
