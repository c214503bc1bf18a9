namespace CareFlow.Core.Care.Directory;

/// <summary>Replaces the imported organizations' records in one unit of work.</summary>
internal static class HsdsUpsert
{
    public static async Task SaveAsync(ICareData data, HsdsDocument doc, CancellationToken cancellationToken)
    {
        var orgIds = doc.Organizations.Select(o => o.Id).ToList();
        var serviceIds = doc.Services.Select(s => s.Id).ToList();
        foreach (var cost in await data.ToListAsync(data.Query<CostOption>().Where(c => serviceIds.Contains(c.ServiceId)), cancellationToken)) data.Remove(cost);
        foreach (var sal in await data.ToListAsync(data.Query<ServiceAtLocation>().Where(s => serviceIds.Contains(s.ServiceId)), cancellationToken)) data.Remove(sal);
        foreach (var location in await data.ToListAsync(data.Query<Location>().Where(l => orgIds.Contains(l.OrganizationId)), cancellationToken)) data.Remove(location);
        var existingServices = await data.ToListAsync(data.Query<Service>().Where(s => serviceIds.Contains(s.Id)), cancellationToken);
        var existingOrgs = await data.ToListAsync(data.Query<Organization>().Where(o => orgIds.Contains(o.Id)), cancellationToken);
        foreach (var org in doc.Organizations)
        {
            if (existingOrgs.FirstOrDefault(o => o.Id == org.Id) is { } current) Copy(org, current);
            else data.Add(org);
        }

        foreach (var service in doc.Services)
        {
            if (existingServices.FirstOrDefault(s => s.Id == service.Id) is { } current) Copy(service, current);
            else data.Add(service);
        }

        await data.SaveChangesAsync(cancellationToken);
        foreach (var location in doc.Locations) data.Add(location);
        foreach (var sal in doc.ServiceAtLocations) data.Add(sal);
        foreach (var cost in doc.CostOptions) data.Add(cost);
        await data.SaveChangesAsync(cancellationToken);
    }

    private static void Copy<T>(T from, T to)
    {
        foreach (var property in typeof(T).GetProperties().Where(p => p.CanWrite && p.Name != "Id")) property.SetValue(to, property.GetValue(from));
    }
}
