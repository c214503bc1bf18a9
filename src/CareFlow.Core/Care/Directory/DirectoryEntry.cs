namespace CareFlow.Core.Care.Directory;

/// <summary>A directory service with its organisation, cost options and locations, as listed to coordinators.</summary>
public sealed record DirectoryEntry(Service Service, Organization? Organization, IReadOnlyList<CostOption> CostOptions, IReadOnlyList<Location> Locations)
{
    /// <summary>A record not updated or assured for this long is flagged as possibly out of date.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(180);

    /// <summary>The newer of the last import/edit and the HSDS assured date.</summary>
    public DateTimeOffset FreshAsOf => Service.AssuredDate is { } assured && assured.ToDateTime(TimeOnly.MinValue) > Service.UpdatedAt.UtcDateTime
        ? new DateTimeOffset(assured.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
        : Service.UpdatedAt;

    public bool IsStale(DateTimeOffset now) => now - FreshAsOf > StaleAfter;

    /// <summary>The areas it serves (region, else city, of its locations).</summary>
    public IEnumerable<string> Areas => Locations.Select(l => l.Region ?? l.City).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
}
