using System.Net;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Screening;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.IntegrationTests.Care;

[Collection("care")]
public sealed class CareApiValidationTests(CareFlowApp<CareApp> app) : IAsyncLifetime
{
    private readonly CareApiClient _api = new(app.Api());

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("/api/cases")]
    [InlineData("/api/clients")]
    [InlineData("/api/tasks")]
    public async Task Api_Returns401_WhenAnonymous(string path)
    {
        using var anonymous = app.CreateClient();
        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Screening_Returns400NamingTheField_AndStoresNothing_WhenAnswerInvalid()
    {
        var caseId = (string)(await _api.IntakeAsync("Lee", "Ann", "1970-02-02", null))["caseId"]!;
        var (status, body) = await _api.PostRawAsync($"/api/cases/{caseId}/screenings",
            """{"answers":{"living-situation":["castle"]}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["answers.housing-problems"] ?? body["errors"]!["answers.living-situation"]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ClientScreening>().CountAsync()));
    }

    [Fact]
    public async Task Consent_Returns400NamingRecipient_WhenNoneGiven()
    {
        var clientId = (string)(await _api.IntakeAsync("Kai", "Moss", "1980-03-03", null))["clientId"]!;
        var (status, body) = await _api.PostRawAsync($"/api/clients/{clientId}/consents",
            """{"disclosingParty":"P","informationDescription":"I","purpose":"Referral","expiresOn":"2099-01-01","signedBy":"K"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["recipient"]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Consent>().CountAsync()));
    }

    [Fact]
    public async Task Import_Returns400_AndStoresNothing_WhenFileDoesNotParse()
    {
        var (status, body) = await _api.PostRawAsync("/api/directory/import", "[{\"id\": \"org\", \"name\": ");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["file"]);
        var (missing, missingBody) = await _api.PostRawAsync("/api/directory/import", """[{"id":"o1","name":"Org","services":[{"id":"s1"}]}]""");
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.NotNull(missingBody!["errors"]!["organizations[0].services[0].name"]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Organization>().CountAsync()));
    }

    [Fact]
    public async Task ChooseService_Returns400_WhenServiceUnknown()
    {
        await _api.ImportDirectoryAsync();
        var intake = await _api.IntakeAsync("Ro", "Diaz", "1999-09-09", null);
        var caseId = (string)intake["caseId"]!;
        await _api.ConsentAsync((string)intake["clientId"]!, CareSamples.HarborOrg, CareSamples.HarborEmail);
        await _api.PostAsync($"/api/cases/{caseId}/screenings", CareSamples.Screening(unsafeAtHome: false), HttpStatusCode.Created);
        await app.HandOverAsync();
        var task = await _api.SingleOpenTaskAsync(caseId, "ChooseService");
        var (status, body) = await _api.PostRawAsync($"/api/tasks/{(string)task["id"]!}/complete", """{"result":{"serviceId":"svc-nope"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["answers.serviceId"]);
        await _api.SingleOpenTaskAsync(caseId, "ChooseService");
    }

    [Fact]
    public async Task OpenApi_DescribesCareRoutes()
    {
        var document = await _api.GetAsync("/openapi/v1.json");
        Assert.NotNull(document["paths"]!["/api/clients/intake"]);
    }
}
