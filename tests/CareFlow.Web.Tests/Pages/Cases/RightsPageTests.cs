using System.Net;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Screening;
using CareFlow.Core.ProviderLinks;

namespace CareFlow.Web.Tests.Pages.Cases;

[Collection("pages")]
public sealed class RightsPageTests(CareFlowApp<PagesApp> app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<Guid> SeedCaseAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var caseId = Guid.Empty;
        await app.SeedAsync(data =>
        {
            var @case = PagesApp.AddCase(data, PagesApp.Coordinator, "Marisol", "Okafor");
            caseId = @case.Id;
            var org = new Organization { Id = "org-" + suffix, Name = "Northside Housing Trust", UpdatedAt = DateTimeOffset.UtcNow };
            var referred = new Service { Id = "svc-a-" + suffix, OrganizationId = org.Id, Name = "Rapid Rehousing " + suffix, Category = "housing", UpdatedAt = DateTimeOffset.UtcNow };
            var other = new Service { Id = "svc-b-" + suffix, OrganizationId = org.Id, Name = "Tenant Help Desk " + suffix, Category = "housing", EligibilityDescription = "Renters in the county", UpdatedAt = DateTimeOffset.UtcNow };
            data.Add(org);
            data.Add(referred);
            data.Add(other);
            data.Add(new CostOption { Id = "cost-" + suffix, ServiceId = other.Id, Option = "Visit", Amount = 5m, Currency = "USD" });
            var consent = new Consent
            {
                Id = Guid.NewGuid(), ClientId = @case.ClientId, DisclosingParty = "CareFlow program", InformationDescription = "Name and phone number",
                RecipientOrganizationId = org.Id, RecipientName = "Northside Housing Trust", Purpose = "Find housing", RevocationInstructions = "Tell your coordinator or write to us.",
                ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)), SignedBy = "Marisol Okafor", SignedAt = DateTimeOffset.UtcNow.AddDays(-3), RecordedAt = DateTimeOffset.UtcNow.AddDays(-3),
            };
            data.Add(consent);
            var referral = new Referral
            {
                Id = Guid.NewGuid(), Reference = "R-" + suffix, CaseId = @case.Id, ClientId = @case.ClientId, Category = "housing", ServiceId = referred.Id, OrganizationId = org.Id,
                ConsentId = consent.Id, RequestedAt = DateTimeOffset.UtcNow.AddDays(-2), Status = ReferralTaskStatus.Requested, LastModifiedAt = DateTimeOffset.UtcNow,
            };
            data.Add(referral);
            data.Add(new DisclosureRecord
            {
                Id = Guid.NewGuid(), ClientId = @case.ClientId, ConsentId = consent.Id, ReferralId = referral.Id, RecipientName = "Northside intake desk",
                RecipientEmail = "intake@northside.example", Information = "name, phone", DisclosedAt = DateTimeOffset.UtcNow.AddDays(-1),
            });
            data.Add(new Need { Id = Guid.NewGuid(), CaseId = @case.Id, Domain = "housing", Label = "Housing", Status = NeedStatus.Open, IdentifiedAt = DateTimeOffset.UtcNow });
        }, Cancel);
        return caseId;
    }

    [Fact]
    public async Task Rights_ShowsConsentsLedgerReferralsAndChoices_InPlainLanguage()
    {
        var caseId = await SeedCaseAsync();
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        using var response = await client.GetAsync($"/cases/{caseId}/rights", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Your rights and options, Marisol", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Northside Housing Trust</th><td>Name and phone number</td><td>Find housing</td>", html, StringComparison.Ordinal);
        Assert.Contains("How to take it back: Tell your coordinator or write to us.", html, StringComparison.Ordinal);
        Assert.Contains("<td>Northside intake desk</td><td>name, phone</td><td>Find housing</td>", html, StringComparison.Ordinal);
        Assert.Contains("Sent. We are waiting for the service to answer.", html, StringComparison.Ordinal);
        Assert.Contains("Tenant Help Desk", html, StringComparison.Ordinal);
        Assert.Contains("Visit: 5 USD", html, StringComparison.Ordinal);
        Assert.Contains("42 CFR Part 2", html, StringComparison.Ordinal);
        // The wording comes from configuration (RightsSummary:Contact set by the factory).
        Assert.Contains("Questions? Call Pat at 555-0100.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rights_Is404_ForAnotherCoordinatorsCase_AndForUnknownIds()
    {
        var caseId = await SeedCaseAsync();
        using var other = await app.SignInAsync(PagesApp.OtherCoordinator, Cancel);
        using var foreign = await other.GetAsync($"/cases/{caseId}/rights", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("Marisol", await foreign.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var unknown = await other.GetAsync($"/cases/{Guid.NewGuid()}/rights", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var garbage = await other.GetAsync("/cases/not-a-guid/rights", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);

        using var supervisor = await app.SignInAsync(PagesApp.Supervisor, Cancel);
        using var seen = await supervisor.GetAsync($"/cases/{caseId}/rights", Cancel);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
    }
}
