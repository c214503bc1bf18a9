using System.Net;
using CareFlow.Core.Care.Clients;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Pages.Clients;

/// <summary>The intake page (/clients/new) against the embedded host and the real workflows: server validation next to the field with nothing saved, and the duplicate warning.</summary>
[Collection(CoordinatorPagesCollectionDefinition.Name)]
public sealed class IntakePageTests(CareFlowApp<CoordinatorPagesApp> app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Intake_ShowsErrorsNextToFields_AndSavesNothing_WhenFieldsAreMissing()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var before = await app.CountAsync<IntakeRequest>();

        using var response = await Forms.PostFormAsync(ann, "/clients/new", "/clients/new", new Dictionary<string, string> { ["Input.Phone"] = "12" }, Ct);

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Given name is required.", CoordinatorPages.FieldError(html, "Input.GivenName"));
        Assert.Equal("Family name is required.", CoordinatorPages.FieldError(html, "Input.FamilyName"));
        Assert.Equal("Date of birth is required (YYYY-MM-DD).", CoordinatorPages.FieldError(html, "Input.DateOfBirth"));
        Assert.Contains("7 digits", CoordinatorPages.FieldError(html, "Input.Phone"), StringComparison.Ordinal);
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
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var before = await app.CountAsync<IntakeRequest>();
        var fields = new Dictionary<string, string> { ["Input.GivenName"] = "Garbage", ["Input.FamilyName"] = "Input", ["Input.DateOfBirth"] = "1990-01-01" };
        fields[field] = value.Replace("{long}", new string('9', 5000), StringComparison.Ordinal);

        using var response = await Forms.PostFormAsync(ann, "/clients/new", "/clients/new", fields, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(CoordinatorPages.FieldError(await response.Content.ReadAsStringAsync(Ct), field));
        Assert.Equal(before, await app.CountAsync<IntakeRequest>());
    }

    [Fact]
    public async Task Intake_WarnsOfADuplicateBeforeCreating_AndContinuesOnlyWhenAsked()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var person = new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Imelda", ["Input.FamilyName"] = "Twice", ["Input.DateOfBirth"] = "1961-07-30", ["Input.Phone"] = "555-404-1212",
        };
        var first = await CoordinatorPages.IntakeAsync(ann, person);
        var before = await app.CountAsync<IntakeRequest>();

        using var warned = await Forms.PostFormAsync(ann, "/clients/new", "/clients/new", person, Ct);
        var html = await warned.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("This person is already a client", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{first}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<IntakeRequest>());

        var second = await CoordinatorPages.IntakeAsync(ann, new Dictionary<string, string>(person) { ["Input.ContinueDespiteDuplicate"] = "true" });
        Assert.NotEqual(first, second);
        Assert.Equal(before + 1, await app.CountAsync<IntakeRequest>());
    }

    [Fact]
    public async Task Intake_OfAnotherCoordinatorsClient_NeitherShowsNorAttachesThem_ButAsksForADuplicateReview()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        using var ben = await app.SignInAsync(CoordinatorPagesApp.Ben, Ct);
        var person = new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Petra", ["Input.FamilyName"] = "Elsewhere", ["Input.DateOfBirth"] = "1968-03-14", ["Input.Phone"] = "555-606-3131",
        };
        var annsCase = await CoordinatorPages.IntakeAsync(ann, person);
        var clients = await app.CountAsync<Client>();

        // The same details (an exact match) from Ben: no warning naming or linking Ann's client, straight to a new case.
        var bensCase = await CoordinatorPages.IntakeAsync(ben, person);

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
}
