namespace CareFlow.Web.Pages.Cases;

/// <summary>One line of the case timeline: when, from which source, what, and a short detail.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Source, string What, string? Detail);
