using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareFlow.Web.Tests.Pages;

namespace CareFlow.Web.Tests.Endpoints.Care;

/// <summary>
/// Intake through the API of a person who is on another coordinator's caseload: the answer, the case's tasks and its
/// timeline say nothing of a match; the review goes to supervisors only.
/// </summary>
public sealed class DuplicateReviewTests(CareFlowApp<CoordinatorPagesApp> app) : IClassFixture<CareFlowApp<CoordinatorPagesApp>>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiIntake_OfAnotherCaseloadsClient_RevealsNothing_AndOpensASupervisorReview()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        using var ben = await app.SignInAsync(CoordinatorPagesApp.Ben, Ct);
        using var sue = await app.SignInAsync(CoordinatorPagesApp.Sue, Ct);
        var person = new { givenName = "Quinn", familyName = "Overlap", dateOfBirth = "1972-07-17", phone = "555-404-2020" };
        var annsIntake = await IntakeAsync(ann, person);

        var bensIntake = await IntakeAsync(ben, person);
        Assert.Equal("None", (string?)bensIntake["match"]);
        Assert.Null((string?)bensIntake["possibleDuplicateOfId"]);
        Assert.Null((string?)bensIntake["duplicateWarning"]);
        var text = bensIntake.ToJsonString();
        Assert.DoesNotContain((string)annsIntake["clientId"]!, text, StringComparison.Ordinal);
        var bensCase = (string)bensIntake["caseId"]!;

        // Ben's task list, his case's timeline (API and page) and the case page: no review, no word of a match.
        var bensTasks = await GetJsonAsync(ben, "/api/tasks");
        Assert.DoesNotContain(bensTasks.AsArray(), t => (string?)t!["kind"] is "ReviewDuplicate" or "SupervisorDuplicateReview");
        var bensCaseJson = (await GetJsonAsync(ben, $"/api/cases/{bensCase}")).ToJsonString();
        Assert.DoesNotContain("another client", bensCaseJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("duplicate", bensCaseJson, StringComparison.OrdinalIgnoreCase);
        var page = await ben.GetStringAsync(new Uri($"/cases/{bensCase}", UriKind.Relative), Ct);
        Assert.DoesNotContain("duplicate", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("another client", page, StringComparison.OrdinalIgnoreCase);

        // The supervisor has the review, naming both records, and can complete it; Ben cannot reach it by id.
        var review = (await GetJsonAsync(sue, "/api/tasks")).AsArray().Single(t => (string?)t!["kind"] == "SupervisorDuplicateReview" && (string?)t["caseId"] == bensCase)!;
        Assert.Contains((string)annsIntake["clientId"]!, (string?)review["description"], StringComparison.Ordinal);
        using var bensTry = await ben.PostAsJsonAsync($"/api/tasks/{(string)review["id"]!}/complete", new { }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, bensTry.StatusCode);
        using var done = await sue.PostAsJsonAsync($"/api/tasks/{(string)review["id"]!}/complete", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var completed = (await GetJsonAsync(sue, "/api/tasks?status=Completed")).AsArray();
        Assert.Contains(completed, t => (string?)t!["id"] == (string?)review["id"]);
    }

    private static async Task<JsonNode> IntakeAsync(HttpClient client, object person)
    {
        using var response = await client.PostAsJsonAsync("/api/clients/intake", person, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
