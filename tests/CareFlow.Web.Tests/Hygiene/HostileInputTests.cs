using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Hygiene;

/// <summary>
/// Hostile text on the embedded (SQLite) app: the same refusals as on PostgreSQL, on the API and the intake page;
/// and the coordinator shown on a case is the signed-in account, whatever the request says.
/// </summary>
public sealed class HostileInputTests(CareFlowApp<CoordinatorPagesApp> app) : IClassFixture<CareFlowApp<CoordinatorPagesApp>>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/directory/services?category=%00", "category")]
    [InlineData("/api/clients?q=a%00b", "q")]
    [InlineData("/api/clients?q=%E2%80%AEevil", "q")]
    [InlineData("/api/directory/services/svc%E2%80%AEx", "path")]
    public async Task Query_WithNulOrBidi_Answers400NamingIt(string path, string field)
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        using var response = await ann.GetAsync(new Uri(path, UriKind.Relative), Ct);
        await AssertRefusedAsync(response, field);
    }

    [Fact]
    public async Task EmptyQueryKey_IsHarmless_OnTheRuntimeApi()
    {
        using var sue = await app.SignInAsync(CoordinatorPagesApp.Sue, Ct);
        using var response = await sue.GetAsync(new Uri("/elsa/api/workflow-instances?=x", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"givenName":"\ud800","familyName":"Lee","dateOfBirth":"1970-01-01"}""", "$.givenName")]
    [InlineData("""{"givenName":"Ann\u0000","familyName":"Lee","dateOfBirth":"1970-01-01"}""", "$.givenName")]
    [InlineData("""{"givenName":"Ann","familyName":"\u202Eeel","dateOfBirth":"1970-01-01"}""", "$.familyName")]
    [InlineData("""{"givenName":"Ann","familyName":"Lee\u0007","dateOfBirth":"1970-01-01"}""", "$.familyName")]
    [InlineData("""{"givenName":"Ann\nMarie","familyName":"Lee","dateOfBirth":"1970-01-01"}""", "givenName")]
    [InlineData("""{"givenName":"Ann","familyName":"L\u200Bee","dateOfBirth":"1970-01-01"}""", "familyName")]
    [InlineData("""{"givenName":"Ann","familyName":"Lee","dateOfBirth":"1970-01-01","coordinatorId":"c\u0000"}""", "$.coordinatorId")]
    public async Task ApiIntake_WithHostileText_Answers400NamingIt_AndStoresNothing(string json, string field)
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var before = await app.CountAsync<IntakeRequest>();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await ann.PostAsync(new Uri("/api/clients/intake", UriKind.Relative), content, Ct);
        await AssertRefusedAsync(response, field);
        Assert.Equal(before, await app.CountAsync<IntakeRequest>());
    }

    [Fact]
    public async Task ApiIntake_WithCoordinatorIdLongerThanItsColumn_Answers400()
    {
        using var sue = await app.SignInAsync(CoordinatorPagesApp.Sue, Ct);
        var before = await app.CountAsync<IntakeRequest>();
        using var response = await sue.PostAsJsonAsync("/api/clients/intake",
            new { givenName = "Long", familyName = "Coordinator", dateOfBirth = "1970-01-01", coordinatorId = new string('c', 201) }, Ct);
        await AssertRefusedAsync(response, "coordinatorId");
        Assert.Equal(before, await app.CountAsync<IntakeRequest>());
    }

    [Fact]
    public async Task ApiIntake_ByCoordinator_NamingAnotherCoordinator_Answers403NamingTheField_AndStoresNothing()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var before = await app.CountAsync<IntakeRequest>();
        using var response = await ann.PostAsJsonAsync("/api/clients/intake", new
        {
            givenName = "Nadia", familyName = "Named", dateOfBirth = "1981-05-06", coordinatorName = "Chief Medical Officer", coordinatorId = CoordinatorPagesApp.Ben,
        }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"expected 403, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(text)!["errors"]?["coordinatorId"]);
        Assert.Equal(before, await app.CountAsync<IntakeRequest>());
    }

    [Fact]
    public async Task ApiIntake_NamesTheSignedInCoordinator_NotTheRequestsCoordinatorName()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        using var response = await ann.PostAsJsonAsync("/api/clients/intake", new
        {
            givenName = "Nadine", familyName = "Named", dateOfBirth = "1981-05-07", coordinatorName = "Chief Medical Officer", coordinatorId = CoordinatorPagesApp.Ann,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var caseId = Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["caseId"]!);
        var opened = await CaseAsync(caseId);
        Assert.Equal(CoordinatorPagesApp.Ann, opened.CoordinatorId);
        Assert.Equal(CoordinatorPagesApp.Ann, opened.CoordinatorName);
    }

    [Fact]
    public async Task ApiIntake_BySupervisor_NamingAnAccountOutsideTheCoordinatorRole_Answers400NamingTheField()
    {
        using var sue = await app.SignInAsync(CoordinatorPagesApp.Sue, Ct);
        var before = await app.CountAsync<IntakeRequest>();
        using var response = await sue.PostAsJsonAsync("/api/clients/intake", new
        {
            givenName = "Nobody", familyName = "Assigned", dateOfBirth = "1982-06-08", coordinatorId = "no-such-coordinator",
        }, Ct);
        await AssertRefusedAsync(response, "coordinatorId");
        Assert.Equal(before, await app.CountAsync<IntakeRequest>());
    }

    [Fact]
    public async Task ApiIntake_BySupervisor_AssignsTheNamedCoordinator_WithThatAccountsName()
    {
        using var sue = await app.SignInAsync(CoordinatorPagesApp.Sue, Ct);
        using var response = await sue.PostAsJsonAsync("/api/clients/intake", new
        {
            givenName = "Sven", familyName = "Assigned", dateOfBirth = "1982-06-07", coordinatorId = CoordinatorPagesApp.Ben, coordinatorName = "Someone Else",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var caseId = Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["caseId"]!);
        var opened = await CaseAsync(caseId);
        Assert.Equal(CoordinatorPagesApp.Ben, opened.CoordinatorId);
        Assert.Equal(CoordinatorPagesApp.Ben, opened.CoordinatorName);
    }

    [Fact]
    public async Task IntakePage_RefusesBidiAndControlCharacters_InNames_AndStoresNothing()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var before = await app.CountAsync<IntakeRequest>();

        using var bidi = await Forms.PostFormAsync(ann, "/clients/new", "/clients/new", new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Eve", ["Input.FamilyName"] = "\u202Egnirts", ["Input.DateOfBirth"] = "1970-01-01",
        }, Ct);
        await AssertRefusedAsync(bidi, "Input.FamilyName");

        using var lineBreak = await Forms.PostFormAsync(ann, "/clients/new", "/clients/new", new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Eve\nAdmin", ["Input.FamilyName"] = "Lee", ["Input.DateOfBirth"] = "1970-01-01",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, lineBreak.StatusCode);
        Assert.Contains("tab or line break", await lineBreak.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<IntakeRequest>());
    }

    private async Task<Case> CaseAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<ICareData>();
        return (await data.FirstOrDefaultAsync(data.Query<Case>().Where(c => c.Id == caseId), Ct))!;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonNode.Parse(text)!["errors"]?[field] is not null, $"errors should name {field}: {text}");
    }
}
