namespace CareFlow.Core.Care.Barriers.Reporting;

/// <summary>One barrier reduced to what the report may show: no case, client, description or recorder.</summary>
public sealed record BarrierFact(BarrierCategory Category, string Service, string Area, string Month);
