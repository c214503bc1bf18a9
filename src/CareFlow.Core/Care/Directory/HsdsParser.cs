using System.Text.Json.Nodes;
using static CareFlow.Core.Care.Directory.HsdsImport;

namespace CareFlow.Core.Care.Directory;

/// <summary>Maps HSDS JSON to directory records; refusals name the JSON path.</summary>
internal static class HsdsParser
{
    private static readonly string[] Statuses = ["active", "inactive", "defunct", "temporarily closed"];

    public static HsdsDocument Parse(JsonArray organizations, DateTimeOffset now)
    {
        var doc = new HsdsDocument([], [], [], [], []);
        for (var i = 0; i < organizations.Count; i++)
        {
            var o = organizations[i];
            var path = $"organizations[{i}]";
            if (o is not JsonObject) throw new CareValidationException(path, "Expected an organization object.");
            var org = new Organization { Id = DirectoryId(o, "id", path), Name = Required(o, "name", path), Description = Text(o, "description"), Email = Text(o, "email"), Website = Text(o, "website") ?? Text(o, "url"), UpdatedAt = now };
            doc.Organizations.Add(org);
            var locations = o["locations"] as JsonArray ?? [];
            for (var l = 0; l < locations.Count; l++) doc.Locations.Add(ParseLocation(locations[l], org.Id, $"{path}.locations[{l}]"));
            var services = o["services"] as JsonArray ?? [];
            for (var s = 0; s < services.Count; s++) ParseService(services[s], org, $"{path}.services[{s}]", doc, now);
        }

        return doc;
    }

    private static Location ParseLocation(JsonNode? l, string organizationId, string path)
    {
        var address = (l?["addresses"] as JsonArray)?.FirstOrDefault() ?? l?["physical_address"];
        return new Location
        {
            Id = DirectoryId(l, "id", path), OrganizationId = organizationId, Name = Text(l, "name") ?? "",
            Address = Text(address, "address_1"), City = Text(address, "city"), Region = Text(address, "state_province"), PostalCode = Text(address, "postal_code"),
        };
    }

    private static void ParseService(JsonNode? s, Organization org, string path, HsdsDocument doc, DateTimeOffset now)
    {
        var status = Text(s, "status") ?? "active";
        if (!Statuses.Contains(status, StringComparer.OrdinalIgnoreCase)) throw new CareValidationException($"{path}.status", $"'{status}' is not an HSDS service status ({string.Join(", ", Statuses)}).");
        var languages = (s?["languages"] as JsonArray ?? []).Select(x => x is JsonValue v ? v.GetValue<string>() : Text(x, "code") ?? Text(x, "name")).OfType<string>();
        var contactEmail = (s?["contacts"] as JsonArray ?? []).Select(c => Text(c, "email")).FirstOrDefault(e => e is not null);
        var category = Text(s, "category") ?? (s?["attributes"] as JsonArray ?? []).Select(a => Text(a?["taxonomy_term"], "code") ?? Text(a, "label")).FirstOrDefault(c => c is not null);
        var service = new Service
        {
            Id = DirectoryId(s, "id", path), OrganizationId = org.Id, Name = Required(s, "name", path), Status = status.ToLowerInvariant(), Description = Text(s, "description"),
            Category = category?.ToLowerInvariant(), ApplicationProcess = Text(s, "application_process"), FeesDescription = Text(s, "fees_description"),
            EligibilityDescription = Text(s, "eligibility_description"), MinimumAge = Int(s, "minimum_age"), MaximumAge = Int(s, "maximum_age"),
            Languages = string.Join(',', languages), ReferralEmail = Text(s, "email") ?? contactEmail ?? org.Email, AssuredDate = Date(s, "assured_date", path), UpdatedAt = now,
        };
        doc.Services.Add(service);
        var costs = s?["cost_options"] as JsonArray ?? [];
        for (var c = 0; c < costs.Count; c++)
        {
            var cp = $"{path}.cost_options[{c}]";
            doc.CostOptions.Add(new CostOption
            {
                Id = DirectoryId(costs[c], "id", cp), ServiceId = service.Id, ValidFrom = Date(costs[c], "valid_from", cp), ValidTo = Date(costs[c], "valid_to", cp),
                Option = Text(costs[c], "option"), Currency = Text(costs[c], "currency"), Amount = Decimal(costs[c], "amount"), AmountDescription = Text(costs[c], "amount_description"),
            });
        }

        var at = s?["service_at_locations"] as JsonArray ?? [];
        for (var a = 0; a < at.Count; a++)
        {
            var ap = $"{path}.service_at_locations[{a}]";
            var locationId = Text(at[a], "location_id") ?? Text(at[a]?["location"], "id") ?? throw new CareValidationException($"{ap}.location_id", "'location_id' is required.");
            if (doc.Locations.All(l => l.Id != locationId)) throw new CareValidationException($"{ap}.location_id", $"Location '{locationId}' is not among the organization's locations.");
            doc.ServiceAtLocations.Add(new ServiceAtLocation { Id = Bounded(Text(at[a], "id") ?? $"{service.Id}:{locationId}", $"{ap}.id"), ServiceId = service.Id, LocationId = locationId });
        }
    }
}
