using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CareFlow.IntegrationTests.Care;

/// <summary>Thin JSON helpers over the care API for the scenario tests.</summary>
internal sealed class CareApiClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<JsonNode> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"POST {path}: expected {expected}, got {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostRawAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonNode> IntakeAsync(string given, string family, string dob, string? phone, HttpStatusCode expected = HttpStatusCode.Created) =>
        await PostAsync("/api/clients/intake", new { givenName = given, familyName = family, dateOfBirth = dob, phone, email = (string?)null }, expected);

    public async Task<JsonNode> ImportDirectoryAsync() => await PostRawAsync("/api/directory/import", CareSamples.Hsds) is (HttpStatusCode.OK, { } body)
        ? body : throw new InvalidOperationException("Directory import failed.");

    public async Task<JsonNode> ConsentAsync(string clientId, string organizationId, string email) => await PostAsync($"/api/clients/{clientId}/consents", new
    {
        disclosingParty = "CareFlow Demo Program", informationDescription = "Name, contact details and the housing need",
        recipientOrganizationId = organizationId, recipientName = organizationId, recipientEmail = email, purpose = "Referral for housing services",
        expiresOn = "2099-12-31", signedBy = "Client (electronic signature)",
    }, HttpStatusCode.Created);

    public async Task<JsonArray> OpenTasksAsync(string caseId) => (JsonArray)await GetAsync($"/api/tasks?caseId={caseId}");

    public async Task<JsonNode> SingleOpenTaskAsync(string caseId, string kind)
    {
        var tasks = (await OpenTasksAsync(caseId)).Where(t => (string?)t!["kind"] == kind).ToList();
        Assert.True(tasks.Count == 1, $"Expected one open {kind} task on case {caseId}; found {tasks.Count}: {await OpenTasksAsync(caseId)}");
        return tasks[0]!;
    }

    public async Task CompleteTaskAsync(string caseId, string kind, object? result = null) =>
        await PostAsync($"/api/tasks/{(string)(await SingleOpenTaskAsync(caseId, kind))["id"]!}/complete", new { result });

    public async Task<JsonNode> CaseAsync(string caseId) => await GetAsync($"/api/cases/{caseId}");

    public async Task<string> OpenCheckInAsync(string caseId)
    {
        var checkIns = (JsonArray)(await CaseAsync(caseId))["checkIns"]!;
        var open = checkIns.Where(c => c!["outcome"] is null).ToList();
        Assert.True(open.Count == 1, $"Expected one open check-in; found {open.Count}.");
        return (string)open[0]!["id"]!;
    }
}
