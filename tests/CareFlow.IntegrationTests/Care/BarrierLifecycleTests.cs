using System.Net;
using System.Text.Json.Nodes;
using CareFlow.Core.Care.Barriers;
using CareFlow.IntegrationTests.Fuzz;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.IntegrationTests.Care;

/// <summary>
/// Barriers through the care API: a cost barrier carries its amount in the configured currency and no other barrier
/// may; a barrier is recorded open (or already resolved, with what resolved it) and resolved once, under the caller's
/// name; refused input answers 400 naming the field and writes nothing. Run on both providers.
/// </summary>
public abstract class BarrierLifecycleTests<TOptions>(CareFlowApp<TOptions> app) : IAsyncLifetime
    where TOptions : CareFlowAppOptions, new()
{
    private const string ApiKeyCaller = "api-key";

    private CareApiClient _api = null!;

    protected CareFlowApp<TOptions> App => app;

    public virtual ValueTask InitializeAsync()
    {
        _api = new CareApiClient(app.CreateApiClient(followRedirects: true));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task CostBarrier_IsRecordedOpenWithItsAmount_ThenResolvedOnce_UnderTheCallersName()
    {
        var caseId = (string)(await _api.IntakeAsync("Cora", "Costa", "1983-06-12", null))["caseId"]!;

        var recorded = await _api.PostAsync($"/api/cases/{caseId}/barriers",
            new { category = "Cost", costAmount = 35.5m, description = "Clinic intake fee; asked for a sliding scale." }, HttpStatusCode.Created);
        Assert.Equal("Open", (string?)recorded["status"]);
        Assert.Equal(35.5m, (decimal)recorded["costAmount"]!);
        Assert.Equal("USD", (string?)recorded["costCurrency"]);
        Assert.Equal(ApiKeyCaller, (string?)recorded["recordedBy"]);
        Assert.Null(recorded["resolvedAt"]);
        var barrierId = (string)recorded["id"]!;
        Assert.Contains((await _api.GetAsync($"/api/barriers?caseId={caseId}&status=Open")).AsArray(), b => (string?)b!["id"] == barrierId);

        var resolved = await _api.PostAsync($"/api/cases/{caseId}/barriers/{barrierId}/resolve", new { resolution = "  The clinic waived the fee.  " });
        Assert.Equal("Resolved", (string?)resolved["status"]);
        Assert.Equal("The clinic waived the fee.", (string?)resolved["resolution"]);
        Assert.Equal(ApiKeyCaller, (string?)resolved["resolvedBy"]);
        Assert.NotNull(resolved["resolvedAt"]);
        Assert.Empty((await _api.GetAsync($"/api/barriers?caseId={caseId}&status=Open")).AsArray());

        var stored = await BarriersOfAsync(caseId);
        var row = Assert.Single(stored);
        Assert.Equal((BarrierStatus.Resolved, 35.5m, "USD", ApiKeyCaller), (row.Status, row.CostAmount, row.CostCurrency, row.ResolvedBy));
        Assert.True(row.ResolvedAt >= row.RecordedAt);

        // Resolved stays resolved: a second resolution is refused (409 naming the status) and changes nothing.
        var (again, body) = await _api.PostRawAsync($"/api/cases/{caseId}/barriers/{barrierId}/resolve", """{"resolution":"Something else."}""");
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.NotNull(body!["errors"]!["status"]);
        Assert.Equal("The clinic waived the fee.", Assert.Single(await BarriersOfAsync(caseId)).Resolution);
    }

    [Fact]
    public async Task Barrier_RecordedAlreadyResolved_CarriesItsResolution_AndANonCostBarrierNoAmount()
    {
        var caseId = (string)(await _api.IntakeAsync("Tomas", "Transit", "1979-01-30", null))["caseId"]!;

        var recorded = await _api.PostAsync($"/api/cases/{caseId}/barriers",
            new { category = "Transport", description = "No bus to the clinic on Saturdays.", status = "Resolved", resolution = "Booked a volunteer driver." },
            HttpStatusCode.Created);

        Assert.Equal("Resolved", (string?)recorded["status"]);
        Assert.Equal("Booked a volunteer driver.", (string?)recorded["resolution"]);
        Assert.Equal(ApiKeyCaller, (string?)recorded["resolvedBy"]);
        Assert.Null(recorded["costAmount"]);
        Assert.Null(recorded["costCurrency"]);
    }

    [Theory]
    [InlineData("""{"category":"Transport","costAmount":10,"description":"Bus fare."}""", "costAmount", "Tara")]
    [InlineData("""{"category":"Cost","costAmount":-1,"description":"Fee."}""", "costAmount", "Nell")]
    [InlineData("""{"category":"Cost","description":"Fee, amount not given."}""", "costAmount", "Mina")]
    [InlineData("""{"category":"Cost","costAmount":1000000.01,"description":"Fee."}""", "costAmount", "Hugo")]
    [InlineData("""{"category":"Cost","costAmount":12.345,"description":"Fee."}""", "costAmount", "Cent")]
    [InlineData("""{"category":"Cost","costAmount":12,"description":"  "}""", "description", "Dora")]
    [InlineData("""{"category":"Language","description":"No interpreter.","status":"Resolved"}""", "resolution", "Remy")]
    [InlineData("""{"category":"Language","description":"No interpreter.","status":"Open","resolution":"Found one."}""", "resolution", "Opal")]
    public async Task BadBarrier_Answers400NamingTheField_AndWritesNothing(string json, string field, string givenName)
    {
        var caseId = (string)(await _api.IntakeAsync(givenName, "Badinput", "1991-11-11", null))["caseId"]!;

        var (status, body) = await _api.PostRawAsync($"/api/cases/{caseId}/barriers", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]![field]);
        Assert.Empty(await BarriersOfAsync(caseId));
    }

    [Fact]
    public async Task BadResolution_Answers400NamingTheField_AndAnotherCasesBarrier404_AndWritesNothing()
    {
        var caseId = (string)(await _api.IntakeAsync("Rae", "Resolver", "1986-08-08", null))["caseId"]!;
        var otherCaseId = (string)(await _api.IntakeAsync("Ola", "Otherside", "1975-05-05", null))["caseId"]!;
        var barrierId = (string)(await _api.PostAsync($"/api/cases/{caseId}/barriers",
            new { category = "Documents", description = "No ID for the benefits office." }, HttpStatusCode.Created))["id"]!;

        var (blank, blankBody) = await _api.PostRawAsync($"/api/cases/{caseId}/barriers/{barrierId}/resolve", """{"resolution":"   "}""");
        Assert.Equal(HttpStatusCode.BadRequest, blank);
        Assert.NotNull(blankBody!["errors"]!["resolution"]);
        var (missing, missingBody) = await _api.PostRawAsync($"/api/cases/{caseId}/barriers/{barrierId}/resolve", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.NotNull(missingBody!["errors"]!["resolution"]);
        var (tooLong, tooLongBody) = await _api.PostRawAsync($"/api/cases/{caseId}/barriers/{barrierId}/resolve",
            new JsonObject { ["resolution"] = new string('x', ResolveBarrierHandler.MaxResolutionLength + 1) }.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.NotNull(tooLongBody!["errors"]!["resolution"]);

        // The barrier belongs to another case than the one in the path.
        var (wrongCase, _) = await _api.PostRawAsync($"/api/cases/{otherCaseId}/barriers/{barrierId}/resolve", """{"resolution":"Done."}""");
        Assert.Equal(HttpStatusCode.NotFound, wrongCase);

        var row = Assert.Single(await BarriersOfAsync(caseId));
        Assert.Equal(BarrierStatus.Open, row.Status);
        Assert.Null(row.Resolution);
        Assert.Null(row.ResolvedAt);
        Assert.Null(row.ResolvedBy);
    }

    private Task<List<AccessBarrier>> BarriersOfAsync(string caseId) =>
        app.WithDbAsync(db => db.Set<AccessBarrier>().AsNoTracking().Where(b => b.CaseId == Guid.Parse(caseId)).ToListAsync(TestContext.Current.CancellationToken));
}

/// <summary>The barrier lifecycle on PostgreSQL (the care fixture).</summary>
[Collection("care")]
public sealed class BarrierLifecyclePostgresTests(CareFlowApp<CareApp> app) : BarrierLifecycleTests<CareApp>(app)
{
    public override async ValueTask InitializeAsync()
    {
        await App.ResetAsync();
        await base.InitializeAsync();
    }
}

/// <summary>The barrier lifecycle on the embedded default (SQLite).</summary>
public sealed class BarrierLifecycleSqliteTests(CareFlowApp<SqliteCareApp> app) : BarrierLifecycleTests<SqliteCareApp>(app), IClassFixture<CareFlowApp<SqliteCareApp>>;
