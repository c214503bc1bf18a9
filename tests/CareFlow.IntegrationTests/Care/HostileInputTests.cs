using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CareFlow.Core.Care.Advocacy;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.IntegrationTests.Care;

/// <summary>
/// Hostile text on PostgreSQL (which cannot store NUL and enforces column lengths): every refusal is a 400
/// problem+json naming the field or JSON path, and nothing is written.
/// </summary>
[Collection("care")]
public sealed class HostileInputTests(CareFlowApp<CareApp> app) : IAsyncLifetime
{
    private readonly CareApiClient _api = new(app.Api());

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("/api/directory/services?category=%00", "category")]
    [InlineData("/api/clients?q=a%00b", "q")]
    [InlineData("/api/directory/services/svc%E2%80%AEx", "path")]
    [InlineData("/elsa/api/workflow-instances?definitionId=%00", "definitionId")]
    [InlineData("/api/clients?q=%E2%80%AEevil", "q")]
    public async Task Query_WithNulOrBidi_Answers400NamingIt(string path, string field)
    {
        using var response = await _api.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        await AssertRefusedAsync(response, field);
    }

    [Fact]
    public async Task EmptyQueryKey_IsHarmless_OnTheRuntimeApi()
    {
        using var response = await _api.Http.GetAsync(new Uri("/elsa/api/workflow-instances?=x", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"givenName":"Ann\u0000","familyName":"Lee","dateOfBirth":"1970-01-01"}""", "$.givenName")]
    [InlineData("""{"givenName":"Ann","familyName":"Lee","dateOfBirth":"1970-01-01","preferredLanguage":"en\u0000"}""", "$.preferredLanguage")]
    [InlineData("""{"givenName":"\ud800","familyName":"Lee","dateOfBirth":"1970-01-01"}""", "$.givenName")]
    [InlineData("""{"givenName":"Ann","familyName":"Lee\u0085","dateOfBirth":"1970-01-01"}""", "$.familyName")]
    [InlineData("""{"givenName":"Ann","familyName":"\u202Eeel","dateOfBirth":"1970-01-01"}""", "$.familyName")]
    [InlineData("""{"givenName":"Ann","familyName":"Lee","dateOfBirth":"1970-01-01","\udc00":1}""", "$")]
    [InlineData("""{"givenName":"Ann\nMarie","familyName":"Lee","dateOfBirth":"1970-01-01"}""", "givenName")]
    public async Task Intake_WithHostileText_Answers400NamingThePath_AndStoresNothing(string json, string field)
    {
        var (status, body) = await _api.PostRawAsync("/api/clients/intake", json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]![field]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<IntakeRequest>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Client>().CountAsync()));
    }

    [Fact]
    public async Task Intake_WithCoordinatorIdLongerThanItsColumn_Answers400_AndStoresNothing()
    {
        var (status, body) = await _api.PostRawAsync("/api/clients/intake",
            $$"""{"givenName":"Ann","familyName":"Lee","dateOfBirth":"1970-01-01","coordinatorId":"{{new string('c', 201)}}"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["coordinatorId"]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<IntakeRequest>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Case>().CountAsync()));
    }

    [Fact]
    public async Task FreeText_WithNul_Answers400_AndStoresNothing()
    {
        var caseId = (string)(await _api.IntakeAsync("Bo", "Nul", "1980-01-01", null))["caseId"]!;
        var (status, body) = await _api.PostRawAsync($"/api/cases/{caseId}/advocacy", """{"kind":"Navigation","note":"line one\nline\u0000two"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["$.note"]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AdvocacyEntry>().CountAsync()));
    }

    [Fact]
    public async Task Consent_WithRecipientNameLongerThanTheDisclosureColumn_Answers400_AndStoresNothing()
    {
        var clientId = (string)(await _api.IntakeAsync("Cy", "Long", "1980-02-02", null))["clientId"]!;
        var (status, body) = await _api.PostRawAsync($"/api/clients/{clientId}/consents", $$"""
            {"disclosingParty":"P","informationDescription":"I","recipientEmail":"a@b.example","recipientName":"{{new string('n', 201)}}",
             "purpose":"Referral","expiresOn":"2099-01-01","signedBy":"C"}
            """);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["recipientName"]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CareFlow.Core.Care.Consents.Consent>().CountAsync()));
    }

    [Fact]
    public async Task DirectoryImport_WithIdLongerThanItsColumn_Answers400_AndStoresNothing()
    {
        var (status, body) = await _api.PostRawAsync("/api/directory/import", $$"""[{"id":"{{new string('o', 101)}}","name":"Org"}]""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["organizations[0].id"]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Organization>().CountAsync()));
    }

    [Fact]
    public async Task RawInvalidUtf8_InJson_Answers400()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"givenName\":\"Ann\",\"familyName\":\"X").Concat(new byte[] { 0xED, 0xA0, 0x80 })
            .Concat(Encoding.UTF8.GetBytes("\",\"dateOfBirth\":\"1970-01-01\"}")).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _api.Http.PostAsync(new Uri("/api/clients/intake", UriKind.Relative), content, TestContext.Current.CancellationToken);
        await AssertRefusedAsync(response, "$.familyName");
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<IntakeRequest>().CountAsync()));
    }

    [Theory]
    [InlineData(ReferralTaskStatus.Requested, "Draft", "Requester")]
    [InlineData(ReferralTaskStatus.Accepted, "Draft", "Requester")]
    [InlineData(ReferralTaskStatus.Completed, "InProgress", "Performer")]
    public async Task ReferralStatus_BackwardMove_Answers409_AndChangesNothing(ReferralTaskStatus current, string asked, string party)
    {
        var now = app.Clock.GetUtcNow();
        var client = new Client { Id = Guid.NewGuid(), GivenName = "Rae", FamilyName = "Ferral", NormalizedName = "rae ferral", DateOfBirth = new DateOnly(1985, 5, 5), CreatedAt = now };
        var @case = new Case { Id = Guid.NewGuid(), ClientId = client.Id, CoordinatorId = "casey", CoordinatorName = "casey", Stage = CaseStage.Referral, Status = CaseStatus.Open, OpenedAt = now };
        var referral = new Referral
        {
            Id = Guid.NewGuid(), Reference = "R-BACK-" + Guid.NewGuid().ToString("N")[..8], CaseId = @case.Id, ClientId = client.Id, Category = "housing",
            ServiceId = "svc", OrganizationId = "org", ConsentId = Guid.NewGuid(), RequestedAt = now, Status = current, LastModifiedAt = now,
        };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(client, @case, referral);
            return await db.SaveChangesAsync();
        });

        using var response = await _api.Http.PostAsync(new Uri($"/api/referrals/{referral.Id}/status", UriKind.Relative),
            new StringContent($$"""{"status":"{{asked}}","party":"{{party}}"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"expected 409, got {(int)response.StatusCode}: {text}");
        Assert.Equal(current, await app.WithDbAsync(db => db.Set<Referral>().Where(r => r.Id == referral.Id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CaseEvent>().CountAsync(e => e.CaseId == @case.Id)));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonNode.Parse(text)!["errors"]?[field] is not null, $"errors should name {field}: {text}");
    }
}
