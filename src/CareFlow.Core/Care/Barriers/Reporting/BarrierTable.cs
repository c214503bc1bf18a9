namespace CareFlow.Core.Care.Barriers.Reporting;

/// <summary>Barrier counts by one dimension (category, service, area or month) with their total, suppression applied.</summary>
public sealed record BarrierTable(string Dimension, string Title, IReadOnlyList<BarrierCount> Rows, BarrierCount Total);
