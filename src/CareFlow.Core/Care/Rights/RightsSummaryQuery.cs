using System.Globalization;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Screening;
using CareFlow.Core.ProviderLinks;

namespace CareFlow.Core.Care.Rights;

/// <summary>
/// Builds a case's rights-and-options summary from the consents (§2.31), the disclosure ledger of the past 3 years
/// (§2.24/§2.25), the referrals, and the active directory services for open needs not referred yet. The caller has
/// already checked the case is on the user's caseload.
/// </summary>
public static class RightsSummaryQuery
{
    private const int AlternativesPerNeed = 3;

    public static async Task<RightsSummary?> LoadAsync(ICareData data, RightsSummaryOptions options, Guid caseId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var @case = await data.FirstOrDefaultAsync(data.Query<Case>().Where(c => c.Id == caseId), cancellationToken);
        if (@case is null) return null;
        var client = await data.FirstOrDefaultAsync(data.Query<Client>().Where(c => c.Id == @case.ClientId), cancellationToken);
        var consents = await data.ToListAsync(data.Query<Consent>().Where(c => c.ClientId == @case.ClientId), cancellationToken);
        var since = now.AddYears(-3);
        var disclosures = await data.ToListAsync(data.Query<DisclosureRecord>().Where(d => d.ClientId == @case.ClientId && d.DisclosedAt >= since), cancellationToken);
        var referrals = await data.ToListAsync(data.Query<Referral>().Where(r => r.CaseId == caseId), cancellationToken);
        var needs = await data.ToListAsync(data.Query<Need>().Where(n => n.CaseId == caseId && n.Status == NeedStatus.Open), cancellationToken);
        var domains = needs.Select(n => n.Domain).Distinct().ToList();
        var referred = referrals.Select(r => r.ServiceId).ToList();
        var candidates = await data.ToListAsync(data.Query<Service>()
            .Where(s => s.Status == "active" && s.Category != null && domains.Contains(s.Category) && !referred.Contains(s.Id)), cancellationToken);
        var serviceIds = referrals.Select(r => r.ServiceId).Concat(candidates.Select(s => s.Id)).Distinct().ToList();
        var services = await data.ToListAsync(data.Query<Service>().Where(s => serviceIds.Contains(s.Id)), cancellationToken);
        var orgIds = services.Select(s => s.OrganizationId).Concat(referrals.Select(r => r.OrganizationId)).Distinct().ToList();
        var orgs = (await data.ToListAsync(data.Query<Organization>().Where(o => orgIds.Contains(o.Id)), cancellationToken)).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var costs = await data.ToListAsync(data.Query<CostOption>().Where(c => serviceIds.Contains(c.ServiceId)), cancellationToken);

        return new RightsSummary(
            client?.GivenName ?? "",
            now,
            [.. consents.OrderByDescending(c => c.SignedAt.UtcTicks).Select(c => Line(c, now))],
            [.. disclosures.OrderByDescending(d => d.DisclosedAt.UtcTicks).Select(d => new DisclosureLine(d.DisclosedAt, d.RecipientName, d.Information,
                consents.FirstOrDefault(c => c.Id == d.ConsentId)?.Purpose ?? ""))],
            [.. referrals.OrderByDescending(r => r.RequestedAt.UtcTicks).Select(r => new ReferralLine(
                services.FirstOrDefault(s => s.Id == r.ServiceId)?.Name ?? r.Category,
                orgs.GetValueOrDefault(r.OrganizationId) ?? "",
                r.Status.ToString(),
                options.ReferralStatusTexts.GetValueOrDefault(r.Status.ToString()) ?? r.Status.ToString(),
                r.RequestedAt))],
            [.. needs.OrderBy(n => n.Label, StringComparer.OrdinalIgnoreCase).SelectMany(n => candidates
                .Where(s => string.Equals(s.Category, n.Domain, StringComparison.Ordinal))
                .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Take(AlternativesPerNeed)
                .Select(s => new AlternativeLine(n.Label, s.Name, orgs.GetValueOrDefault(s.OrganizationId) ?? "", Cost(s, costs), s.EligibilityDescription)))]);
    }

    private static ConsentLine Line(Consent c, DateTimeOffset now)
    {
        var until = c.ExpiresOn is { } date
            ? date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture) + (c.ExpiryEvent is { } e ? $" or {e}" : "")
            : c.ExpiryEvent ?? "";
        var state = c.RevokedAt is { } revoked ? $"Taken back on {revoked.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}"
            : ConsentRules.IsExpired(c, now) ? "Ended" : "Active";
        return new ConsentLine(c.RecipientName, c.InformationDescription, c.Purpose, until, state, c.RevocationInstructions);
    }

    private static string? Cost(Service service, IEnumerable<CostOption> costs)
    {
        var options = costs.Where(c => c.ServiceId == service.Id).Select(c => c.Amount is { } a
            ? $"{c.Option ?? "Cost"}: {a.ToString("0.##", CultureInfo.InvariantCulture)} {c.Currency}".Trim()
            : c.AmountDescription ?? c.Option).OfType<string>().ToList();
        return options.Count > 0 ? string.Join("; ", options) : service.FeesDescription;
    }
}
