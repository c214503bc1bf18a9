namespace CareFlow.Core.Care.Directory;

/// <summary>The directory listing shared by the API and the pages: filter by category, status, words and area.</summary>
public static class DirectoryCatalog
{
    public const int MaxResults = 500;

    public static async Task<IReadOnlyList<DirectoryEntry>> ListAsync(ICareData data, string? category = null, bool includeInactive = false, string? search = null,
        string? area = null, CancellationToken cancellationToken = default)
    {
        var services = data.Query<Service>();
        var wanted = category?.Trim().ToLowerInvariant();
        if (!string.IsNullOrWhiteSpace(wanted)) services = services.Where(s => s.Category == wanted);
        if (!includeInactive) services = services.Where(s => s.Status == "active");
        if (search?.Trim().ToLowerInvariant() is { Length: > 0 } term)
        {
            // Translated to SQL lower(...) on both providers; the culture-aware overloads the analyzers ask for do not translate.
#pragma warning disable CA1304, CA1311, CA1862
            var orgIds = data.Query<Organization>().Where(o => o.Name.ToLower().Contains(term)).Select(o => o.Id);
            services = services.Where(s => s.Name.ToLower().Contains(term) || (s.Description != null && s.Description.ToLower().Contains(term))
                || (s.EligibilityDescription != null && s.EligibilityDescription.ToLower().Contains(term)) || orgIds.Contains(s.OrganizationId));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var list = await data.ToListAsync(services.OrderBy(s => s.Name).Take(MaxResults), cancellationToken);
        var ids = list.Select(s => s.Id).ToList();
        var organizationIds = list.Select(s => s.OrganizationId).Distinct().ToList();
        var orgs = await data.ToListAsync(data.Query<Organization>().Where(o => organizationIds.Contains(o.Id)), cancellationToken);
        var costs = await data.ToListAsync(data.Query<CostOption>().Where(c => ids.Contains(c.ServiceId)), cancellationToken);
        var links = await data.ToListAsync(data.Query<ServiceAtLocation>().Where(l => ids.Contains(l.ServiceId)), cancellationToken);
        var locationIds = links.Select(l => l.LocationId).Distinct().ToList();
        var locations = await data.ToListAsync(data.Query<Location>().Where(l => locationIds.Contains(l.Id)), cancellationToken);
        var entries = list.Select(s => new DirectoryEntry(s, orgs.FirstOrDefault(o => o.Id == s.OrganizationId), costs.Where(c => c.ServiceId == s.Id).ToList(),
            links.Where(l => l.ServiceId == s.Id).Select(l => locations.FirstOrDefault(x => x.Id == l.LocationId)).OfType<Location>().ToList()));
        if (area?.Trim() is { Length: > 0 } place)
            entries = entries.Where(e => e.Areas.Contains(place, StringComparer.OrdinalIgnoreCase));
        return entries.ToList();
    }
}
