using System.Net;
using CareFlow.Core.Care.Consents;

namespace CareFlow.Web.Tests.Pages.Cases;

/// <summary>The case pages answer 404 for another coordinator's case and for unknown ids, and never 5xx for garbage URLs.</summary>
[Collection(CoordinatorPagesCollectionDefinition.Name)]
public sealed class CaseAccessTests(CareFlowApp<CoordinatorPagesApp> app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CasePages_Answer404_ForAnotherCoordinatorsCase_AndForUnknownIds()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        using var ben = await app.SignInAsync(CoordinatorPagesApp.Ben, Ct);
        var caseId = await CoordinatorPages.IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Oona", ["Input.FamilyName"] = "Private", ["Input.DateOfBirth"] = "1977-02-11" });

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
        using var forged = await Forms.PostFormAsync(ben, "/clients/new", $"/cases/{caseId}/consents?handler=Record", CoordinatorPages.ValidConsent(), Ct);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(consents, await app.CountAsync<Consent>());

        using var search = await Forms.PostFormAsync(ben, "/clients", "/clients", new Dictionary<string, string> { ["q"] = "Oona" }, Ct);
        Assert.DoesNotContain("Private", await search.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/cases/not-a-guid")]
    [InlineData("/cases/00000000-0000-0000-0000-000000000000/consents")]
    [InlineData("/cases/%3Cscript%3E/referrals/new")]
    public async Task Pages_NeverAnswer5xx_ForGarbageUrls(string path)
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);

        using var response = await ann.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.True((int)response.StatusCode < 500, $"{path} answered {response.StatusCode}");
    }
}
