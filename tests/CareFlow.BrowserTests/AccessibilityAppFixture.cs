using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareFlow.Web.Security;

namespace CareFlow.BrowserTests;

/// <summary>
/// CareFlow on a real Kestrel listener with the embedded defaults and its demo data (three fictional clients driven
/// through the real workflows by the demo coordinator), plus barriers added through the API, for the accessibility
/// check. Its own host and its own Chromium (Debian's, never downloaded), separate from the Studio and journey fixtures.
/// </summary>
public sealed class AccessibilityAppFixture : BrowserAppFixture<AccessibilityAppFixture.Options>
{
    /// <summary>The demo seeder's coordinator; signing in as this user shows the demo caseload.</summary>
    public const string CoordinatorUser = "demo.coordinator";
    public const string SupervisorUser = "sol";
    /// <summary>A second coordinator, so that a person taken in on both caseloads lands in the supervisors' duplicate-review queue.</summary>
    public const string SecondCoordinatorUser = "cody";
    public const string Password = "accessibility-test-password";
    private const string ApiKey = "accessibility-test-api-key";

    /// <summary>A demo case on the coordinator's caseload (for the case and rights pages).</summary>
    public Guid CaseId { get; private set; }

    /// <summary>A workflow instance of that coordinator's cases (for the instance page).</summary>
    public string InstanceId { get; private set; } = "";

    /// <summary>axe-core's browser bundle, installed by the build from axe/package-lock.json.</summary>
    public string AxeSource { get; private set; } = "";

    /// <summary>A client of the running host with the fixture's API key.</summary>
    public HttpClient ApiClient() => CreateApiClient(ApiKey);

    /// <summary>Reads axe-core's bundle, then waits for the demo data and records barriers through the API.</summary>
    protected override async Task OnServerStartedAsync()
    {
        var axe = RepositoryRoot.Combine("tests", "CareFlow.BrowserTests", "axe", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(axe))
            throw new InvalidOperationException($"axe-core not found at {axe}: the CareFlow.BrowserTests build installs it (npm ci in tests/CareFlow.BrowserTests/axe).");
        AxeSource = await File.ReadAllTextAsync(axe);
        await SeedAsync();
    }

    /// <summary>The demo data on, a coordinator and a supervisor, an API key.</summary>
    public sealed class Options : CareFlowAppOptions
    {
        public Options()
        {
            DemoData = true;
            UserPassword = Password;
            AddUsers((CoordinatorUser, CareFlowRoles.Coordinator), (SupervisorUser, CareFlowRoles.Supervisor), (SecondCoordinatorUser, CareFlowRoles.Coordinator));
            ConfiguredApiKey = ApiKey;
        }
    }

    /// <summary>Waits (with a deadline) for the demo seeder, then records barriers through the API: 12 transport and 3 cost.</summary>
    private async Task SeedAsync()
    {
        using var api = CreateApiClient(ApiKey);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonArray cases = [];
        JsonArray instances = [];
        while (DateTime.UtcNow < deadline)
        {
            cases = await api.GetFromJsonAsync<JsonArray>("/api/cases") ?? [];
            instances = (await api.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-instances"))?["items"]?.AsArray() ?? [];
            if (cases.Count >= 3 && instances.Count > 0) break;
            await Task.Delay(500);
        }

        if (cases.Count == 0 || instances.Count == 0)
            throw new InvalidOperationException($"The demo data did not appear within 90 s ({cases.Count} cases, {instances.Count} instances).");
        // The case furthest along shows the most on the rights page (consents, referrals).
        var furthest = cases.OrderByDescending(c => Array.IndexOf(["Intake", "Stabilization", "Referral", "FollowUp"], (string?)c!["stage"])).First()!;
        CaseId = Guid.Parse((string)furthest["id"]!);
        // A waiting instance of a case shows a current step; any instance will do when none waits yet.
        InstanceId = (string)(instances.FirstOrDefault(i => i?["correlationId"] is not null && (string?)i["subStatus"] == "Suspended")
            ?? instances.FirstOrDefault(i => i?["correlationId"] is not null) ?? instances[0])!["id"]!;
        for (var i = 0; i < 15; i++)
        {
            using var response = await api.PostAsJsonAsync($"/api/cases/{CaseId}/barriers",
                i < 12 ? new { category = "Transport", description = "No bus on weekends", costAmount = (decimal?)null }
                    : new { category = "Cost", description = "Intake fee", costAmount = (decimal?)25m });
            response.EnsureSuccessStatusCode();
        }
    }
}
