namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>
/// Limits on <c>POST /elsa/api/events/{eventName}/trigger</c>, bound to <c>CareFlow:Events</c>. An event that finds
/// no bookmark is kept for a while (<c>WorkflowOptions.EventQueueRetention</c>); these caps keep one caller from
/// filling that queue.
/// </summary>
public sealed class EventTriggerLimits
{
    public const string SectionName = "CareFlow:Events";

    /// <summary>Largest accepted request body (the event's payload and fields), in bytes; more is refused with 413. Default 64 KiB.</summary>
    public int MaxPayloadBytes { get; set; } = 64 * 1024;

    /// <summary>Unmatched events one caller may have waiting; a caller at the cap is refused with 429. Default 1,000 (an integration may park a burst of events that arrive before their bookmarks).</summary>
    public int MaxPendingPerSource { get; set; } = 1000;

    /// <summary>Unmatched events waiting from all callers together; at the cap every caller is refused with 429. Default 10,000.</summary>
    public int MaxPending { get; set; } = 10_000;

    /// <summary>Longest accepted event name. Default 128.</summary>
    public int MaxNameLength { get; set; } = 128;
}

/// <summary>Registers <see cref="EventTriggerLimits"/> (validated at start-up).</summary>
public static class EventTriggerLimitsExtensions
{
    public static IServiceCollection AddEventTriggerLimits(this IServiceCollection services)
    {
        services.AddOptions<EventTriggerLimits>().BindConfiguration(EventTriggerLimits.SectionName)
            .Validate(o => o.MaxPayloadBytes > 0 && o.MaxPendingPerSource > 0 && o.MaxPending > 0 && o.MaxNameLength is > 0 and <= 1024,
                "CareFlow:Events:MaxPayloadBytes, :MaxPendingPerSource and :MaxPending must be positive, :MaxNameLength 1-1024.")
            .ValidateOnStart();
        return services;
    }
}
