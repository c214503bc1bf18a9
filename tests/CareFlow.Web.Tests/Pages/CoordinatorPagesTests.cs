using System.Net;
using System.Text.RegularExpressions;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Referrals;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Pages;

/// <summary>
/// The coordinator pages over HTTP against the embedded host and the real workflows: server validation next to the
/// field with nothing saved, another coordinator's case answering 404, and no 5xx for garbage input.
/// </summary>
public sealed partial class CoordinatorPagesTests(CoordinatorPagesFactory app) : IClassFixture<CoordinatorPagesFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_RedirectsToSignIn_WhenAnonymous()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_ShowsErrorsNextToFields_AndSavesNothing_WhenFieldsAreMissing()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesFactory.Ann, Ct);
        var before = await app.CountAsync<IntakeRequest>();

        using var response = await FormSession.PostFormAsync(ann, "/clients/new", "/clients/new", new Dictionary<string, string> { ["Input.Phone"] = "12" }, Ct);

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Given name is required.", FieldError(html, "Input.GivenName"));
        Assert.Equal("Family name is required.", FieldError(html, "Input.FamilyName"));
        Assert.Equal("Date of birth is required (YYYY-MM-DD).", FieldError(html, "Input.DateOfBirth"));
        Assert.Contains("7 digits", FieldError(html, "Input.Phone"), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<IntakeRequest>());
    }

    [Theory]
    [InlineData("Input.DateOfBirth", "not-a-date")]
    [InlineData("Input.DateOfBirth", "2999-01-01")]
    [InlineData("Input.Email", "not an address")]
    [InlineData("Input.GivenName", "x{long}")]
    [InlineData("Input.Phone", "{long}")]
    public async Task Intake_RefusesGarbage_With200AndTheFieldNamed(string field, string value)
    {
        using var ann = await app.SignInAsync(CoordinatorPagesFactory.Ann, Ct);
        var before = await app.CountAsync<IntakeRequest>();
        var fields = new Dictionary<string, string> { ["Input.GivenName"] = "Garbage", ["Input.FamilyName"] = "Input", ["Input.DateOfBirth"] = "1990-01-01" };
        fields[field] = value.Replace("{long}", new string('9', 5000), StringComparison.Ordinal);

        using var response = await FormSession.PostFormAsync(ann, "/clients/new", "/clients/new", fields, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(FieldError(await response.Content.ReadAsStringAsync(Ct), field));
        Assert.Equal(before, await app.CountAsync<IntakeRequest>());
    }

    [Fact]
    public async Task Intake_WarnsOfADuplicateBeforeCreating_AndContinuesOnlyWhenAsked()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesFactory.Ann, Ct);
        var person = new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Imelda", ["Input.FamilyName"] = "Twice", ["Input.DateOfBirth"] = "1961-07-30", ["Input.Phone"] = "555-404-1212",
        };
        var first = await IntakeAsync(ann, person);
        var before = await app.CountAsync<IntakeRequest>();

        using var warned = await FormSession.PostFormAsync(ann, "/clients/new", "/clients/new", person, Ct);
        var html = await warned.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("This person is already a client", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{first}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<IntakeRequest>());

        var second = await IntakeAsync(ann, new Dictionary<string, string>(person) { ["Input.ContinueDespiteDuplicate"] = "true" });
        Assert.NotEqual(first, second);
        Assert.Equal(before + 1, await app.CountAsync<IntakeRequest>());
    }

    [Fact]
    public async Task Intake_OfAnotherCoordinatorsClient_NeitherShowsNorAttachesThem_ButAsksForADuplicateReview()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesFactory.Ann, Ct);
        using var ben = await app.SignInAsync(CoordinatorPagesFactory.Ben, Ct);
        var person = new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Petra", ["Input.FamilyName"] = "Elsewhere", ["Input.DateOfBirth"] = "1968-03-14", ["Input.Phone"] = "555-606-3131",
        };
        var annsCase = await IntakeAsync(ann, person);
        var clients = await app.CountAsync<Client>();

        // The same details (an exact match) from Ben: no warning naming or linking Ann's client, straight to a new case.
        var bensCase = await IntakeAsync(ben, person);

        // A separate client record: Ann's client's consents and disclosures (kept per client) stay out of Ben's reach.
        var annsClient = await ClientOfAsync(annsCase);
        var bensClient = await ClientOfAsync(bensCase);
        Assert.NotEqual(annsClient, bensClient);
        Assert.Equal(clients + 1, await app.CountAsync<Client>());
        // The review is the supervisors': nothing on Ben's case says a match exists.
        Assert.Equal(0, await app.CountAsync<CareFlow.Core.Care.Tasks.CoordinatorTask>(q => q.Where(t => t.CaseId == bensCase
            && t.Kind == CareFlow.Core.Care.Tasks.CoordinatorTaskKind.ReviewDuplicate)));
        Assert.Equal(1, await app.CountAsync<CareFlow.Core.Care.Tasks.CoordinatorTask>(q => q.Where(t => t.CaseId == bensCase
            && t.Kind == CareFlow.Core.Care.Tasks.CoordinatorTaskKind.SupervisorDuplicateReview)));
    }

    private async Task<Guid> ClientOfAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<CareFlow.Core.Care.ICareData>();
        return (await data.FirstOrDefaultAsync(data.Query<CareFlow.Core.Care.Cases.Case>().Where(c => c.Id == caseId), Ct))!.ClientId;
    }

    [Fact]
    public async Task CasePages_Answer404_ForAnotherCoordinatorsCase_AndForUnknownIds()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesFactory.Ann, Ct);
        using var ben = await app.SignInAsync(CoordinatorPagesFactory.Ben, Ct);
        var caseId = await IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Oona", ["Input.FamilyName"] = "Private", ["Input.DateOfBirth"] = "1977-02-11" });

        foreach (var path in new[] { $"/cases/{caseId}", $"/cases/{caseId}/consents", $"/cases/{caseId}/referrals/new" })
        {
            using var mine = await ann.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
            using var theirs = await ben.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
            using var unknown = await ann.GetAsync(new Uri(path.Replace(caseId.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal), UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var consents = await app.CountAsync<Consent>();
        using var forged = await FormSession.PostFormAsync(ben, "/clients/new", $"/cases/{caseId}/consents?handler=Record", ValidConsent(), Ct);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(consents, await app.CountAsync<Consent>());

        using var search = await FormSession.PostFormAsync(ben, "/clients", "/clients", new Dictionary<string, string> { ["q"] = "Oona" }, Ct);
        Assert.DoesNotContain("Private", await search.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/cases/not-a-guid")]
    [InlineData("/cases/00000000-0000-0000-0000-000000000000/consents")]
    [InlineData("/cases/%3Cscript%3E/referrals/new")]
    public async Task Pages_NeverAnswer5xx_ForGarbageUrls(string path)
    {
        using var ann = await app.SignInAsync(CoordinatorPagesFactory.Ann, Ct);

        using var response = await ann.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.True((int)response.StatusCode < 500, $"{path} answered {response.StatusCode}");
    }

    [Fact]
    public async Task ClientSearch_RefusesAnOverlongTerm_AndFindsByNameDateOfBirthOrPhone()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesFactory.Ann, Ct);
        await IntakeAsync(ann, new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Sören", ["Input.FamilyName"] = "Findable", ["Input.DateOfBirth"] = "1955-05-05", ["Input.Phone"] = "+1 (555) 777-0001",
        });

        using var tooLong = await FormSession.PostFormAsync(ann, "/clients", "/clients", new Dictionary<string, string> { ["q"] = new string('a', 500) }, Ct);
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Equal("Search for at most 200 characters.", FieldError(await tooLong.Content.ReadAsStringAsync(Ct), "Query"));
        foreach (var term in new[] { "soren findable", "1955-05-05", "555 777 0001" })
        {
            using var found = await FormSession.PostFormAsync(ann, "/clients", "/clients", new Dictionary<string, string> { ["q"] = term }, Ct);
            var html = await found.Content.ReadAsStringAsync(Ct);
            Assert.Contains("Findable", html, StringComparison.Ordinal);
        }

        using var garbage = await FormSession.PostFormAsync(ann, "/clients", "/clients", new Dictionary<string, string> { ["q"] = "\0'\"<" }, Ct);
        Assert.True((int)garbage.StatusCode < 500, $"a NUL and quotes in the search answered {garbage.StatusCode}");
    }

    [Fact]
    public async Task Consent_ShowsErrorsNextToFields_AndSavesNothing_WhenIncomplete()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesFactory.Ann, Ct);
        var caseId = await IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Cara", ["Input.FamilyName"] = "Consent", ["Input.DateOfBirth"] = "1980-10-10" });
        var page = $"/cases/{caseId}/consents";
        var before = await app.CountAsync<Consent>();

        using var missing = await FormSession.PostFormAsync(ann, page, page + "?handler=Record", new Dictionary<string, string> { ["Input.ExpiresOn"] = "garbage" }, Ct);
        var html = await missing.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Equal("A Part 2 consent must state its purpose.", FieldError(html, "Input.Purpose"));
        Assert.Equal("A consent needs a signature.", FieldError(html, "Input.SignedBy"));
        Assert.NotEmpty(FieldError(html, "Input.ExpiresOn"));

        using var noRecipient = await FormSession.PostFormAsync(ann, page, page + "?handler=Record", new Dictionary<string, string>(ValidConsent()) { ["Input.RecipientEmail"] = "" }, Ct);
        Assert.Contains("must name its recipient", FieldError(await noRecipient.Content.ReadAsStringAsync(Ct), "Input.RecipientOrganizationId"), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<Consent>());

        using var recorded = await FormSession.PostFormAsync(ann, page, page + "?handler=Record", ValidConsent(), Ct);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(before + 1, await app.CountAsync<Consent>());

        using var revokeUnknown = await FormSession.PostFormAsync(ann, page, page + "?handler=Revoke",
            new Dictionary<string, string> { ["Revoke.ConsentId"] = Guid.NewGuid().ToString(), ["Revoke.Method"] = "oral" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, revokeUnknown.StatusCode);
        var consentId = ConsentIdField().Match(await ann.GetStringAsync(new Uri(page, UriKind.Relative), Ct)).Groups[1].Value;
        using var revokeWithoutMethod = await FormSession.PostFormAsync(ann, page, page + "?handler=Revoke", new Dictionary<string, string> { ["Revoke.ConsentId"] = consentId }, Ct);
        Assert.Equal(HttpStatusCode.OK, revokeWithoutMethod.StatusCode);
        Assert.Contains("Say how the client revoked", await revokeWithoutMethod.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await app.CountAsync<Consent>(q => q.Where(c => c.RevokedAt != null)));
        using var revoked = await FormSession.PostFormAsync(ann, page, page + "?handler=Revoke",
            new Dictionary<string, string> { ["Revoke.ConsentId"] = consentId, ["Revoke.Method"] = "oral, by phone" }, Ct);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(1, await app.CountAsync<Consent>(q => q.Where(c => c.RevokedAt != null)));
    }

    [Fact]
    public async Task Referral_NamesTheServiceField_AndCreatesNothing_WhenNoneOrAnUnknownOneIsChosen()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesFactory.Ann, Ct);
        var caseId = await IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Rafe", ["Input.FamilyName"] = "Referral", ["Input.DateOfBirth"] = "1992-12-12" });
        var page = $"/cases/{caseId}/referrals/new";
        var before = await app.CountAsync<Referral>();

        using var none = await FormSession.PostFormAsync(ann, page, page, new Dictionary<string, string>(), Ct);
        Assert.Equal("Choose a service.", FieldError(await none.Content.ReadAsStringAsync(Ct), "ServiceId"));
        using var unknown = await FormSession.PostFormAsync(ann, page, page, new Dictionary<string, string> { ["ServiceId"] = new string('x', 300), ["NeedId"] = "not-a-guid" }, Ct);
        var html = await unknown.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.NotEmpty(FieldError(html, "ServiceId"));
        Assert.Contains("is not valid for Need addressed", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<Referral>());
    }

    private static async Task<Guid> IntakeAsync(HttpClient client, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await FormSession.PostFormAsync(client, "/clients/new", "/clients/new", fields, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static Dictionary<string, string> ValidConsent() => new()
    {
        ["Input.RecipientEmail"] = "intake@provider.example", ["Input.Purpose"] = "Housing referral", ["Input.InformationDescription"] = "name and housing need",
        ["Input.DisclosingParty"] = "CareFlow", ["Input.ExpiresOn"] = "2030-01-01", ["Input.SignedBy"] = "Client",
    };

    [GeneratedRegex("name=\"Revoke.ConsentId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ConsentIdField();

    /// <summary>The text of the validation message rendered for <paramref name="field"/> (empty when none).</summary>
    private static string FieldError(string html, string field)
    {
        var match = Regex.Match(html, $"<span class=\"field-error[^\"]*\" data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(.*?)</span>", RegexOptions.Singleline);
        if (!match.Success) match = Regex.Match(html, $"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(.*?)</span>", RegexOptions.Singleline);
        return WebUtility.HtmlDecode(match.Success ? match.Groups[1].Value.Trim() : "");
    }
}
