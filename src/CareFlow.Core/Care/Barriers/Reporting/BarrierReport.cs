using System.Globalization;
using CareFlow.Core.Care.Directory;

namespace CareFlow.Core.Care.Barriers.Reporting;

/// <summary>
/// The de-identified systemic-barrier report: counts of barriers by category, service, area and
/// month, each table with its total and small counts suppressed. Rows are ordered by label, never by count, so the
/// order does not rank hidden counts.
/// </summary>
public static class BarrierReport
{
    public const string NotRecorded = "Not recorded";

    public static IReadOnlyList<BarrierTable> Build(IReadOnlyCollection<BarrierFact> facts)
    {
        var categories = Enum.GetValues<BarrierCategory>().Select(Label).ToList();
        return
        [
            Table("category", "Barriers by type", facts.Select(f => Label(f.Category)), categories),
            Table("service", "Barriers by service", facts.Select(f => f.Service), null),
            Table("area", "Barriers by area", facts.Select(f => f.Area), null),
            Table("month", "Barriers by month", facts.Select(f => f.Month), null),
        ];
    }

    /// <summary>One count per label, plus the total; <paramref name="allLabels"/> lists labels shown even at zero.</summary>
    public static BarrierTable Table(string dimension, string title, IEnumerable<string> labels, IReadOnlyList<string>? allLabels)
    {
        var counts = labels.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var names = allLabels is null
            ? counts.Keys.OrderBy(k => k == NotRecorded).ThenBy(k => k, StringComparer.OrdinalIgnoreCase).ToList()
            : [.. allLabels, .. counts.Keys.Except(allLabels).Order(StringComparer.Ordinal)];
        var values = names.Select(n => counts.GetValueOrDefault(n)).Append(counts.Values.Sum()).ToList();
        var hidden = SmallCountSuppression.Apply(values, [Enumerable.Range(0, values.Count).ToList()]);
        var rows = names.Select((n, i) => new BarrierCount(n, hidden[i] ? null : values[i])).ToList();
        return new BarrierTable(dimension, title, rows, new BarrierCount("Total", hidden[^1] ? null : values[^1]));
    }

    public static string Label(BarrierCategory category) => category.ToString().ToLowerInvariant();

    public static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads the barriers of every case (the report is de-identified, so it is not caseload-scoped) and reduces each
    /// to a <see cref="BarrierFact"/>. Area is the region (else city) of the service's first location.
    /// </summary>
    public static async Task<IReadOnlyList<BarrierFact>> LoadAsync(ICareData data, BarrierReportFilter filter, CancellationToken cancellationToken = default)
    {
        var query = data.Query<AccessBarrier>();
        if (filter.From is { } from) query = query.Where(b => b.RecordedAt >= new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (filter.To is { } to) query = query.Where(b => b.RecordedAt < new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (filter.Category is { } category) query = query.Where(b => b.Category == category);
        var rows = await data.ToListAsync(query.Select(b => new { b.Category, b.ServiceId, b.RecordedAt }), cancellationToken);
        var serviceIds = rows.Select(r => r.ServiceId).OfType<string>().Distinct().ToList();
        var services = await data.ToListAsync(data.Query<Service>().Where(s => serviceIds.Contains(s.Id)).Select(s => new { s.Id, s.Name }), cancellationToken);
        var links = await data.ToListAsync(data.Query<ServiceAtLocation>().Where(l => serviceIds.Contains(l.ServiceId)), cancellationToken);
        var locationIds = links.Select(l => l.LocationId).Distinct().ToList();
        var locations = await data.ToListAsync(data.Query<Location>().Where(l => locationIds.Contains(l.Id)), cancellationToken);
        var names = services.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var areas = links.GroupBy(l => l.ServiceId).ToDictionary(g => g.Key, g => g.OrderBy(l => l.LocationId, StringComparer.Ordinal)
            .Select(l => locations.FirstOrDefault(x => x.Id == l.LocationId)).Select(l => l?.Region ?? l?.City).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a)), StringComparer.Ordinal);
        return rows.Select(r => new BarrierFact(r.Category,
            r.ServiceId is { } sid ? names.GetValueOrDefault(sid) ?? NotRecorded : NotRecorded,
            r.ServiceId is { } aid ? areas.GetValueOrDefault(aid) ?? NotRecorded : NotRecorded,
            Month(r.RecordedAt))).ToList();
    }
}
