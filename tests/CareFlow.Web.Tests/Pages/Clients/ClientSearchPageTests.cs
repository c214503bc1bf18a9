using System.Net;

namespace CareFlow.Web.Tests.Pages.Clients;

/// <summary>The client search (/clients): a bounded term, found by name, date of birth or phone, and no 5xx for garbage.</summary>
[Collection(CoordinatorPagesCollectionDefinition.Name)]
public sealed class ClientSearchPageTests(CareFlowApp<CoordinatorPagesApp> app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientSearch_RefusesAnOverlongTerm_AndFindsByNameDateOfBirthOrPhone()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        await CoordinatorPages.IntakeAsync(ann, new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Sören", ["Input.FamilyName"] = "Findable", ["Input.DateOfBirth"] = "1955-05-05", ["Input.Phone"] = "+1 (555) 777-0001",
        });

        using var tooLong = await Forms.PostFormAsync(ann, "/clients", "/clients", new Dictionary<string, string> { ["q"] = new string('a', 500) }, Ct);
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Equal("Search for at most 200 characters.", CoordinatorPages.FieldError(await tooLong.Content.ReadAsStringAsync(Ct), "Query"));
        foreach (var term in new[] { "soren findable", "1955-05-05", "555 777 0001" })
        {
            using var found = await Forms.PostFormAsync(ann, "/clients", "/clients", new Dictionary<string, string> { ["q"] = term }, Ct);
            var html = await found.Content.ReadAsStringAsync(Ct);
            Assert.Contains("Findable", html, StringComparison.Ordinal);
        }

        using var garbage = await Forms.PostFormAsync(ann, "/clients", "/clients", new Dictionary<string, string> { ["q"] = "\0'\"<" }, Ct);
        Assert.True((int)garbage.StatusCode < 500, $"a NUL and quotes in the search answered {garbage.StatusCode}");
    }
}
