using System.Net;
using CareFlow.Core.Care.Advocacy;
using CareFlow.Core.Care.Barriers;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Web.Tests.Pages.Cases;

/// <summary>
/// The case page's barrier forms: a cost barrier carries its amount and no other may, errors sit next to the field and
/// write nothing; an open barrier is resolved from its card, and both steps appear on the timeline under the
/// coordinator's name; advocacy notes say with whom. Another coordinator's posts answer 404 and change nothing.
/// </summary>
[Collection(CoordinatorPagesCollectionDefinition.Name)]
public sealed class CaseBarrierPageTests(CareFlowApp<CoordinatorPagesApp> app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CostBarrier_NeedsItsAmount_ThenIsResolvedFromItsCard_UnderTheCoordinatorsName()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var caseId = await CoordinatorPages.IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Cass", ["Input.FamilyName"] = "Feeless", ["Input.DateOfBirth"] = "1982-02-22" });
        var page = $"/cases/{caseId}";

        using var noAmount = await PostBarrierAsync(ann, page, ("Barrier.Category", "Cost"), ("Barrier.Description", "Dental clinic wants a deposit."));
        Assert.Equal(HttpStatusCode.OK, noAmount.StatusCode);
        Assert.Equal("Give the amount the client was asked to pay.", CoordinatorPages.FieldError(await noAmount.Content.ReadAsStringAsync(Ct), "Barrier.CostAmount"));
        using var negative = await PostBarrierAsync(ann, page, ("Barrier.Category", "Cost"), ("Barrier.CostAmount", "-5"), ("Barrier.Description", "Deposit."));
        Assert.Equal("The cost cannot be negative.", CoordinatorPages.FieldError(await negative.Content.ReadAsStringAsync(Ct), "Barrier.CostAmount"));
        using var notCost = await PostBarrierAsync(ann, page, ("Barrier.Category", "Transport"), ("Barrier.CostAmount", "5"), ("Barrier.Description", "Bus."));
        Assert.Contains("only to a barrier of category Cost", CoordinatorPages.FieldError(await notCost.Content.ReadAsStringAsync(Ct), "Barrier.CostAmount"), StringComparison.Ordinal);
        using var resolvedWithoutWhy = await PostBarrierAsync(ann, page, ("Barrier.Category", "Language"), ("Barrier.Description", "No interpreter."), ("Barrier.Status", "Resolved"));
        Assert.Equal("Say what resolved the barrier.", CoordinatorPages.FieldError(await resolvedWithoutWhy.Content.ReadAsStringAsync(Ct), "Barrier.Resolution"));
        Assert.Empty(await BarriersAsync(caseId));

        using var recorded = await PostBarrierAsync(ann, page, ("Barrier.Category", "Cost"), ("Barrier.CostAmount", "12.50"), ("Barrier.Description", "Dental clinic wants a deposit."));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var barrier = Assert.Single(await BarriersAsync(caseId));
        Assert.Equal((BarrierStatus.Open, 12.50m, "USD", CoordinatorPagesApp.Ann), (barrier.Status, barrier.CostAmount, barrier.CostCurrency, barrier.RecordedBy));
        var html = await ann.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        Assert.Contains("Cost to the client: 12.50 USD", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Resolve.BarrierId\" value=\"{barrier.Id}\"", html, StringComparison.Ordinal);

        using var blank = await PostResolveAsync(ann, page, page, barrier.Id, "  ");
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Equal("Say what resolved the barrier.", CoordinatorPages.FieldError(await blank.Content.ReadAsStringAsync(Ct), "Resolve.Resolution"));
        Assert.Equal(BarrierStatus.Open, Assert.Single(await BarriersAsync(caseId)).Status);

        using var resolved = await PostResolveAsync(ann, page, page, barrier.Id, "The clinic waived the deposit.");
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var row = Assert.Single(await BarriersAsync(caseId));
        Assert.Equal((BarrierStatus.Resolved, "The clinic waived the deposit.", CoordinatorPagesApp.Ann), (row.Status, row.Resolution, row.ResolvedBy));
        var timeline = WebUtility.HtmlDecode(await ann.GetStringAsync(new Uri(page, UriKind.Relative), Ct));
        Assert.Contains("Barrier (Cost, 12.50 USD): Dental clinic wants a deposit.", timeline, StringComparison.Ordinal);
        Assert.Contains("Barrier resolved (Cost): The clinic waived the deposit.", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"Resolve.BarrierId\" value=\"{barrier.Id}\"", timeline, StringComparison.Ordinal);

        // Resolving it again is refused next to the field and changes nothing.
        using var again = await PostResolveAsync(ann, page, page, barrier.Id, "Something else.");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal($"This barrier was resolved already by {CoordinatorPagesApp.Ann}.", CoordinatorPages.FieldError(await again.Content.ReadAsStringAsync(Ct), "Resolve.Resolution"));
        Assert.Equal("The clinic waived the deposit.", Assert.Single(await BarriersAsync(caseId)).Resolution);
    }

    [Fact]
    public async Task AnotherCoordinator_CannotResolveABarrierOfThisCase()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        using var ben = await app.SignInAsync(CoordinatorPagesApp.Ben, Ct);
        var caseId = await CoordinatorPages.IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Rhea", ["Input.FamilyName"] = "Guarded", ["Input.DateOfBirth"] = "1977-07-07" });
        using var recorded = await PostBarrierAsync(ann, $"/cases/{caseId}", ("Barrier.Category", "Policy"), ("Barrier.Description", "Shelter requires a referral letter."));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var barrier = Assert.Single(await BarriersAsync(caseId));

        using var resolve = await PostResolveAsync(ben, "/clients/new", $"/cases/{caseId}", barrier.Id, "Not my case.");

        Assert.Equal(HttpStatusCode.NotFound, resolve.StatusCode);
        Assert.Equal(BarrierStatus.Open, Assert.Single(await BarriersAsync(caseId)).Status);
    }

    [Fact]
    public async Task AdvocacyNote_SaysWithWhom_AndOffersEveryKindByItsLabel()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var caseId = await CoordinatorPages.IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Lou", ["Input.FamilyName"] = "Landlord", ["Input.DateOfBirth"] = "1969-09-19" });
        var page = $"/cases/{caseId}";
        var html = await ann.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        foreach (var (kind, label) in new[] { (AdvocacyKind.Resources, "Resource management"), (AdvocacyKind.SystemicIssue, "Systemic issue"), (AdvocacyKind.EmotionalSupport, "Emotional support") })
            Assert.Contains($"<option value=\"{kind}\">{label}</option>", html, StringComparison.Ordinal);
        Assert.Equal(Enum.GetValues<AdvocacyKind>().Length, System.Text.RegularExpressions.Regex.Count(html[..html.IndexOf("Advocacy.Note", StringComparison.Ordinal)], "<option value=\"[A-Za-z]+\">"));

        using var added = await Forms.PostFormAsync(ann, page, page + "?handler=Advocacy", new Dictionary<string, string>
        {
            ["Advocacy.Kind"] = "Resources", ["Advocacy.Note"] = "Negotiated a payment plan for the arrears.", ["Advocacy.WithWhom"] = "the landlord",
        }, Ct);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var entry = await app.WithDbAsync(db => db.Set<AdvocacyEntry>().AsNoTracking().SingleAsync(a => a.CaseId == caseId, Ct));
        Assert.Equal(("the landlord", CoordinatorPagesApp.Ann), (entry.WithWhom, entry.By));
        var timeline = WebUtility.HtmlDecode(await ann.GetStringAsync(new Uri(page, UriKind.Relative), Ct));
        Assert.Contains("Advocacy (Resource management): Negotiated a payment plan for the arrears. (with the landlord)", timeline, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostBarrierAsync(HttpClient client, string page, params (string Name, string Value)[] fields) =>
        Forms.PostFormAsync(client, page, page + "?handler=Barrier", fields.ToDictionary(f => f.Name, f => f.Value), Ct);

    private static Task<HttpResponseMessage> PostResolveAsync(HttpClient client, string tokenPage, string page, Guid barrierId, string resolution) =>
        Forms.PostFormAsync(client, tokenPage, page + "?handler=ResolveBarrier",
            new Dictionary<string, string> { ["Resolve.BarrierId"] = barrierId.ToString(), ["Resolve.Resolution"] = resolution }, Ct);

    private Task<List<AccessBarrier>> BarriersAsync(Guid caseId) =>
        app.WithDbAsync(db => db.Set<AccessBarrier>().AsNoTracking().Where(b => b.CaseId == caseId).ToListAsync(Ct));
}
