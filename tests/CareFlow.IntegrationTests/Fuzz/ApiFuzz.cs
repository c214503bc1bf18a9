using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Core.Care.Plans;
using CareFlow.Infrastructure.Care;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Care.Screening;
using CareFlow.Core.Outbox;
using CareFlow.Infrastructure.Persistence;
using CareFlow.IntegrationTests.Care;
using CareFlow.Web.Security;
using CsCheck;
using Json.Schema;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Fuzz;

/// <summary>
/// The property-based fuzz of every <c>/api</c> operation of the served OpenAPI document, as a signed-in coordinator
/// with a seeded case of their own. For each operation, <see cref="RequestsPerOperation"/> requests generated from the
/// document with a fixed seed (<c>CAREFLOW_FUZZ_SEED</c> overrides it); each must answer below 500, with a status the
/// document lists for the operation, a body valid against the documented schema of that status, and, when refused
/// (4xx), leave every table but the audit log as it was.
/// </summary>
internal sealed partial class ApiFuzz(WebApplicationFactory<Program> app, ITestOutputHelper output)
{
    public const int RequestsPerOperation = 40;
    private const ulong DefaultSeed = 20261203;
    private const string Coordinator = "fuzz-coordinator";
    private const string Password = "fuzz-test-password";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly SeededIds _ids = new();
    private readonly Dictionary<string, JsonSchema?> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _schemaErrors = new(StringComparer.Ordinal);

    public async Task RunAsync()
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("CAREFLOW_FUZZ_SEED"), out var chosen) ? chosen : DefaultSeed;
        await CreateCoordinatorAsync();
        await SeedAsync();
        using var http = await SignInAsync();
        var document = (JsonObject)JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json", Cancel))!;
        var contract = new ApiContract(document);
        var operations = contract.Operations("/api/").OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
        Assert.True(operations.Count >= 15, $"Expected the care API in the document; found {operations.Count} operations.");
        var values = new SchemaValues(contract, _ids);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var operation in operations)
        {
            var started = clock.Elapsed;
            var statuses = new SortedDictionary<int, int>();
            var gen = FuzzRequest.For(operation, values, _ids);
            var pcg = new PCG((uint)StableHash(operation.ToString()), seed);
            var failed = 0;
            for (var i = 0; i < RequestsPerOperation; i++)
            {
                var caseSeed = pcg.ToString();
                var request = gen.Generate(pcg, null, out _);
                var problem = await CheckAsync(http, contract, operation, request, statuses);
                if (problem is null) continue;
                if (failed++ < 3) failures.Add($"{operation} case {i} (seed {caseSeed}, base seed {seed}): {problem}\n    request: {request}");
            }
            if (failed > 3) failures.Add($"{operation}: {failed - 3} more failing cases");
            output.WriteLine($"{operation}: {RequestsPerOperation} requests in {(clock.Elapsed - started).TotalSeconds:F1}s, statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        }
        output.WriteLine($"{operations.Count} operations, {operations.Count * RequestsPerOperation} requests, {clock.Elapsed.TotalSeconds:F1}s, base seed {seed}");
        Assert.True(failures.Count == 0, $"{failures.Count} fuzz failures (base seed {seed}; rerun with CAREFLOW_FUZZ_SEED={seed}):\n" + string.Join("\n", failures));
    }

    private async Task<string?> CheckAsync(HttpClient http, ApiContract contract, ApiOperation operation, FuzzRequest request, SortedDictionary<int, int> statuses)
    {
        var before = await StoreSnapshot.TakeAsync(app.Services, Cancel);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        }
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, Cancel);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"the server threw {ex.GetType().Name}: {ex.Message}";
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync(Cancel);
            if (status >= 500) return $"answered {status}: {Shorten(text)}";
            var documented = operation.Responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var schema)
                || operation.Responses.TryGetValue($"{status / 100}XX", out schema) || operation.Responses.TryGetValue("default", out schema);
            if (!documented) return $"answered {status}, which the document does not list (it lists {string.Join(", ", operation.Responses.Keys)}): {Shorten(text)}";
            if (text.Length > 0)
            {
                if (schema is null) return $"answered {status} with a body the document does not describe: {Shorten(text)}";
                if (Validate(contract, schema, text) is { } invalid) return $"answered {status} with a body that does not match its schema: {invalid}; body {Shorten(text)}";
            }
            if (status is >= 400 and < 500)
            {
                var changes = (await StoreSnapshot.TakeAsync(app.Services, Cancel)).ChangesSince(before);
                if (changes.Count > 0) return $"refused with {status} but changed the store: {string.Join("; ", changes)}";
            }
            else if (request.Method != "GET")
            {
                await SettleAsync();
            }
            return null;
        }
    }

    private string? Validate(ApiContract contract, JsonNode schema, string text)
    {
        var key = schema.ToJsonString();
        if (!_schemas.TryGetValue(key, out var compiled))
        {
            var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema" };
            foreach (var (name, value) in (JsonObject)schema.DeepClone()) root[name] = value?.DeepClone();
            root["$defs"] = contract.Schemas.DeepClone();
            var rewritten = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
            try
            {
                compiled = JsonSchema.FromText(rewritten, (BuildOptions?)null, new Uri($"https://careflow.test/fuzz/{Guid.NewGuid():N}"));
            }
            catch (Exception ex) when (ex is JsonSchemaException or JsonException or ArgumentException or InvalidOperationException or KeyNotFoundException)
            {
                compiled = null;
                _schemaErrors[key] = $"the documented schema is not valid JSON Schema ({ex.Message})";
            }
            _schemas[key] = compiled;
        }
        if (compiled is null) return _schemaErrors[key];
        JsonDocument body;
        try
        {
            body = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            return $"the body is not JSON ({ex.Message})";
        }
        using (body)
        {
            var result = compiled.Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (result.IsValid) return null;
            var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(3).ToList();
            if (errors.Count == 0)
            {
                // A keyword that fails without a message (a false schema, an unmet reference): name where it failed.
                errors = (result.Details ?? []).Where(d => !d.IsValid)
                    .Select(d => $"{d.InstanceLocation} failed at {d.EvaluationPath}").Take(3).ToList();
            }
            return string.Join("; ", errors);
        }
    }

    /// <summary>What a successful write set going (stage hand-over, provider email) finishes before the next request's snapshot.</summary>
    private async Task SettleAsync()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IStageHandOver>().ProcessPendingAsync();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var rows = await scope.ServiceProvider.GetRequiredService<CareFlowDbContext>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending).ToListAsync(Cancel);
            if (!rows.Any(m => m.Status == OutboxStatus.Sending || ((m.SendAfter ?? m.NextAttemptAt) <= now && m.NextAttemptAt <= now))) break;
            await Task.Delay(50, Cancel);
        }
    }

    private async Task CreateCoordinatorAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ConfiguredUserProvisioner.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByNameAsync(Coordinator) is not null) return;
        var user = new IdentityUser(Coordinator);
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, CareFlowRoles.Coordinator)).Succeeded);
    }

    /// <summary>Two cases on the coordinator's caseload (through the API with the API key), one taken to a referral; a check-in.</summary>
    private async Task SeedAsync()
    {
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", CareApp.ApiKey);
        var api = new CareApiClient(http);
        await api.ImportDirectoryAsync();
        foreach (var (given, family, referral) in new[] { ("Fuzz", "Ames", true), ("Quinn", "Lowe", false) })
        {
            var intake = await api.PostAsync("/api/clients/intake", new { givenName = given, familyName = family, dateOfBirth = "1990-02-03", coordinatorId = Coordinator },
                HttpStatusCode.Created);
            var caseId = (string)intake["caseId"]!;
            var clientId = (string)intake["clientId"]!;
            _ids.Add("case", caseId);
            _ids.Add("client", clientId);
            _ids.Add("instance", (string)intake["workflowInstanceId"]!);
            var consent = await api.ConsentAsync(clientId, CareSamples.HarborOrg, CareSamples.HarborEmail);
            _ids.Add("consent", (string)consent["id"]!);
            var barrier = await api.PostAsync($"/api/cases/{caseId}/barriers", new { category = "Cost", costAmount = 15m, description = "Fuzz: intake fee." }, HttpStatusCode.Created);
            _ids.Add("barrier", (string)barrier["id"]!);
            if (!referral) continue;
            await api.PostAsync($"/api/cases/{caseId}/screenings", CareSamples.Screening(unsafeAtHome: false), HttpStatusCode.Created);
            await SettleAsync();
            await api.CompleteTaskAsync(caseId, "ChooseService", new { serviceId = CareSamples.HarborService });
            await SettleAsync();
            foreach (var r in (await api.GetAsync($"/api/referrals?caseId={caseId}")).AsArray()) _ids.Add("referral", (string)r!["id"]!);
            var checkInId = Guid.NewGuid();
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
            db.Set<CheckIn>().Add(new CheckIn
            {
                Id = checkInId, CaseId = Guid.Parse(caseId), Label = "fuzz", DueAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(1),
            });
            await db.SaveChangesAsync(Cancel);
            _ids.Add("checkin", checkInId.ToString());
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
            foreach (var task in await db.Set<CoordinatorTask>().AsNoTracking().Select(t => t.Id).ToListAsync(Cancel)) _ids.Add("task", task.ToString());
            foreach (var need in await db.Set<Need>().AsNoTracking().Select(n => n.Id).ToListAsync(Cancel)) _ids.Add("need", need.ToString());
        }
        foreach (var id in new[] { CareSamples.HarborService, CareSamples.NorthsideService }) _ids.Add("service", id);
        foreach (var id in new[] { CareSamples.HarborOrg, CareSamples.NorthsideOrg }) _ids.Add("organization", id);
        _ids.Add("instrument", "ahc-hrsn-core");
        _ids.Add("costoption", "cost-harbor-free");
        _ids.DictionaryKeys.AddRange(["living-situation", "housing-problems", "food-worry", "food-last", "transportation", "utilities", "safety-hurt"]);
    }

    private async Task<HttpClient> SignInAsync()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await Forms.PostSignInAsync(client, Coordinator, Password, "/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked(h * 31 + c));

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
