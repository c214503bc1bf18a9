using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Outbox;
using CareFlow.IntegrationTests.Care;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareFlow.IntegrationTests.Security;

/// <summary>
/// Object-level authorization by what a request touches: coordinator A owns a case (client, consent, referral, task,
/// check-in, workflow instance); coordinator B, signed in through the real form, requests every route of the running
/// app (found in its EndpointDataSource, so routes added later are walked too), every method and page handler, with
/// A's ids in the route, in the query string and in the body (JSON for the APIs, form fields for pages: every name
/// that can carry a case, client, referral, task, consent, check-in or instance id, also inside a workflow run's
/// <c>input</c> and <c>variables</c> and as its <c>correlationId</c>). A route with A's id in its path must answer 403,
/// 404 or 400; any other answer must not contain A's ids or client; no answer may be a 5xx; no GET may change a row;
/// and afterwards every row that mentions A's records is byte-for-byte unchanged and no new one points at them. A
/// route with a parameter the walk cannot resolve and that is not on <see cref="AllowList"/> fails the test by name.
/// </summary>
[Collection("care")]
public sealed partial class AuthorizationWalkTests(CareFlowApp<CareApp> app) : IAsyncLifetime
{
    private const string CoordinatorA = "walk-a";
    private const string CoordinatorB = "walk-b";
    private const string Password = "walk-test-password";

    /// <summary>Routes with parameters that are not object ids of client data, each with the reason it is not walked.</summary>
    private static readonly (Regex Pattern, string Reason)[] AllowList =
    [
        (new("^/r/\\{token\\}"), "Provider links: the token itself is the credential, scoped to one referral (ProviderLinkPageTests)."),
        (new("\\{definitionId[^}]*\\}(?!/(execute|dispatch)$)"), "Workflow definitions are not client data: reads are open to signed-in users, writes need the designer policy (StudioApiTests). Running one (execute, dispatch) is walked."),
        (new("^/account/sign-(in|out)$"), "Signing in and out: the walker's own session (SignInTests, SessionTests); no client data."),
        (new("^/elsa/api/workflow-definition-versions/\\{id\\}"), "A workflow definition version, not client data; designer policy (StudioApiTests)."),
        (new("^/elsa/api/workflow-definitions/by-id/\\{id\\}"), "A workflow definition version, not client data; readable by signed-in users (StudioApiTests)."),
        (new("^/openapi/\\{documentName\\}"), "The OpenAPI description of the API, not client data."),
        (new("^/api/directory/"), "The service directory (HSDS) is not client data; every signed-in user may read it."),
        (new("^/directory/"), "The service directory (HSDS) pages are not client data; every signed-in user may read them."),
        (new("^/api/screening/instruments/\\{id\\}"), "Screening instrument definitions (questions), not client data."),
        (new("^/designer/forms/\\{formId\\}"), "The form designer's editor page (a form-js schema, not client data); designer role only (FormDesignerTests)."),
        (new("^/api/forms/\\{id\\}"), "A form (form-js schema, versioned), not client data: signed-in users read published versions, drafts and writes need the designer policy (FormsApiTests)."),
    ];

    private readonly Dictionary<string, string> _ids = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CoordinatorB_WithCoordinatorAsIds_InRoutesQueriesAndBodies_ReachesNothingOfA_AndGetsChangeNothing()
    {
        await CreateUsersAsync();
        await SeedCaseOfAAsync();
        await OutboxDrainedAsync(); // the provider email's dispatch may touch the referral; let it finish first
        var before = await SnapshotAsync();

        using var b = await SignInAsync(CoordinatorB);
        var antiforgery = Forms.Token(await b.GetStringAsync(SignInEndpoints.SignInPath, Cancel));
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var walked = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var raw = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (AllowList.Any(a => a.Pattern.IsMatch(raw)))
                continue;
            var path = Resolve(endpoint.RoutePattern, out var unresolved);
            if (path is null)
            {
                failures.Add($"{raw}: cannot resolve parameter '{unresolved}'; name it after its id kind (caseId, clientId, referralId, …) or add it to AllowList with a reason.");
                continue;
            }
            var idInPath = endpoint.RoutePattern.Parameters.Count > 0 && !raw.StartsWith("/elsa/api/workflow-definitions/{definitionId}", StringComparison.Ordinal);
            foreach (var (method, handler) in await RequestsForAsync(endpoint))
            {
                var query = PlantedQuery();
                var target = $"{path}?{query}{(handler is null ? "" : "&handler=" + Uri.EscapeDataString(handler))}";
                using var request = new HttpRequestMessage(new HttpMethod(method), target);
                request.Headers.Accept.ParseAdd("text/html,application/json");
                var api = raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/elsa/api/", StringComparison.Ordinal);
                if (method != "GET")
                {
                    request.Content = api
                        ? new StringContent(PlantedJson().ToJsonString(), Encoding.UTF8, "application/json")
                        : new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery), .. PlantedFields()]);
                }
                var rowsBefore = method == "GET" ? await CaseloadRig.AllRowsAsync(app) : null;
                using var response = await b.SendAsync(request, Cancel);
                // A page may echo the caller's own query (a filter link): that is not A's data reaching B.
                var body = (await response.Content.ReadAsStringAsync(Cancel)).Replace(query, "", StringComparison.Ordinal)
                    .Replace(WebUtility.HtmlEncode(query), "", StringComparison.Ordinal);
                var label = $"{method} {raw}{(handler is null ? "" : "?handler=" + handler)}";
                walked.Add($"{label} -> {(int)response.StatusCode}");
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{label} answered {(int)response.StatusCode} to coordinator B.");
                else if (idInPath && response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest))
                    failures.Add($"{label} ({target}) answered {(int)response.StatusCode} to coordinator B with A's id in the path; expected 403, 404 or 400.");
                else if ((int)response.StatusCode < 400 && RevealsA(body) is { } revealed)
                    failures.Add($"{label} answered {(int)response.StatusCode} with A's {revealed} in the body.");
                if (rowsBefore is not null && rowsBefore != await CaseloadRig.AllRowsAsync(app))
                    failures.Add($"{label} changed rows: a GET must change nothing.");
            }
        }

        await app.HandOverAsync(); // a run B managed to queue would start here
        var after = await SnapshotAsync();
        if (after != before)
            failures.Add("Rows that mention A's records changed or appeared:\n--- before\n" + before + "--- after\n" + after);
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\nWalked:\n" + string.Join("\n", walked));
        // The walk covered the care API, the workflow runtime (runs, instances, events) and the pages at least.
        Assert.Contains(walked, w => w.StartsWith("GET /api/cases/{id:guid}", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("GET /api/tasks", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /api/clients/intake ", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /api/consents/{id:guid}/revoke", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /elsa/api/workflow-definitions/{definitionId}/execute", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /elsa/api/workflow-definitions/{definitionId}/dispatch", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("GET /elsa/api/workflow-instances/{id}", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /elsa/api/workflow-instances ", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /elsa/api/events/{eventName}/trigger", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("GET /designer/workflows/instances/{instanceId}/view", StringComparison.Ordinal));
        // The coordinator app's pages are walked too (every handler of every page).
        Assert.Contains(walked, w => w.StartsWith("GET /cases/{caseId", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /cases/{caseId", StringComparison.Ordinal) && w.Contains("/consents", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("GET /cases/{caseId", StringComparison.Ordinal) && w.Contains("/rights", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /cases/{caseId", StringComparison.Ordinal) && w.Contains("?handler=Advocacy", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /cases/{caseId", StringComparison.Ordinal) && w.Contains("?handler=Barrier", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /cases/{caseId", StringComparison.Ordinal) && w.Contains("?handler=ResolveBarrier", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /api/cases/{caseId:guid}/barriers/{barrierId:guid}/resolve", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("GET /instances/{instanceId", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /tasks", StringComparison.Ordinal));
        // Supervisor operations: a coordinator is refused whatever ids they carry.
        Assert.Contains(walked, w => w.StartsWith("POST /api/cases/{id:guid}/coordinator -> 403", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /api/clients/{id:guid}/merge -> 403", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("GET /cases/{caseId:guid}/assign -> 403", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /cases/{caseId:guid}/assign -> 403", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("GET /supervisor/duplicates -> 403", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /supervisor/duplicates?handler=Merge -> 403", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /supervisor/duplicates?handler=Different -> 403", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("GET /tasks/{taskId", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /tasks/{taskId", StringComparison.Ordinal));

        // The walk itself is in the audit log as denials by B.
        var denials = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Actor == CoordinatorB && e.Action == "denied", Cancel));
        Assert.True(denials >= walked.Count(w => w.Contains('{', StringComparison.Ordinal)) / 2, $"Expected the walk's denials in the audit log; found {denials} for {walked.Count} requests.");
    }

    /// <summary>Names under which an id can arrive, with the kind of A's record planted there.</summary>
    private static readonly (string Name, string Key)[] IdNames =
    [
        ("caseId", "caseId"), ("clientId", "clientId"), ("referralId", "referralId"), ("taskId", "taskId"), ("consentId", "consentId"),
        ("checkInId", "checkInId"), ("instanceId", "instanceId"), ("workflowInstanceId", "instanceId"), ("correlationId", "caseId"),
        ("id", "caseId"), ("possibleDuplicateOfId", "clientId"), ("intakeId", "caseId"), ("barrierId", "barrierId"),
        ("survivorId", "clientId"), ("mergedId", "clientId"),
    ];

    private string PlantedQuery()
    {
        var pairs = IdNames.Select(n => $"{n.Name}={Uri.EscapeDataString(_ids[n.Key])}").ToList();
        pairs.Add("input=" + Uri.EscapeDataString(PlantedIds().ToJsonString()));
        pairs.Add("variables=" + Uri.EscapeDataString(new JsonObject { ["CaseId"] = _ids["caseId"], ["ReferralId"] = _ids["referralId"] }.ToJsonString()));
        return string.Join("&", pairs);
    }

    private IEnumerable<KeyValuePair<string, string>> PlantedFields() =>
        IdNames.Select(n => new KeyValuePair<string, string>(n.Name, _ids[n.Key]))
            .Concat(IdNames.Select(n => new KeyValuePair<string, string>("Input." + char.ToUpperInvariant(n.Name[0]) + n.Name[1..], _ids[n.Key])));

    private JsonObject PlantedIds()
    {
        var ids = new JsonObject();
        foreach (var (name, key) in IdNames) ids[name] = _ids[key];
        return ids;
    }

    /// <summary>Every id name at the top level, and again in a run's input, its variables and a task's result.</summary>
    private JsonObject PlantedJson()
    {
        var body = PlantedIds();
        body["input"] = PlantedIds();
        body["result"] = PlantedIds();
        body["variables"] = new JsonObject { ["CaseId"] = _ids["caseId"], ["ClientId"] = _ids["clientId"], ["ReferralId"] = _ids["referralId"] };
        body["filter"] = new JsonObject { ["correlationId"] = _ids["caseId"] };
        return body;
    }

    /// <summary>Which of A's records a response shows, if any.</summary>
    private string? RevealsA(string body)
    {
        foreach (var (key, value) in _ids)
        {
            if (key == "outboxId" || !Guid.TryParse(value, out var id)) continue;
            if (body.Contains(id.ToString("D"), StringComparison.OrdinalIgnoreCase) || body.Contains(id.ToString("N"), StringComparison.OrdinalIgnoreCase))
                return key;
        }
        return body.Contains("Walker", StringComparison.Ordinal) ? "client's name" : null;
    }

    [Fact]
    public async Task AuditEntries_RejectUpdateAndDelete_OnPostgres()
    {
        await CreateUsersAsync();
        using var b = await SignInAsync(CoordinatorB);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(Cancel)));
        await using var connection = new NpgsqlConnection(app.Services.GetRequiredService<CareFlow.Infrastructure.Settings.InfrastructureSettings>().PostgresConnectionString);
        await connection.OpenAsync(Cancel);
        await using var update = new NpgsqlCommand("UPDATE careflow.audit_entries SET actor = 'someone-else'", connection);
        var updateError = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync(Cancel));
        Assert.Contains("append-only", updateError.MessageText, StringComparison.Ordinal);
        await using var delete = new NpgsqlCommand("DELETE FROM careflow.audit_entries", connection);
        var deleteError = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync(Cancel));
        Assert.Contains("append-only", deleteError.MessageText, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Actor == CoordinatorB, Cancel)));
    }

    /// <summary>
    /// The requests to make: a Razor page's every handler (GET/POST, named ones with <c>?handler=</c>, from the compiled
    /// page), an endpoint's declared methods (GET and POST when it declares none).
    /// </summary>
    private async Task<List<(string Method, string? Handler)>> RequestsForAsync(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
        {
            var compiled = await app.Services.GetRequiredService<PageLoader>().LoadAsync(page, EndpointMetadataCollection.Empty);
            var handlers = compiled.HandlerMethods.Select(h => (h.HttpMethod.ToUpperInvariant(), (string?)h.Name)).Distinct().ToList();
            return handlers.Count > 0 ? handlers : [("GET", null)];
        }
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
        return methods.Where(m => m is not "OPTIONS" and not "HEAD").Select(m => (m, (string?)null)).ToList();
    }

    private async Task OutboxDrainedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline
            && await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending, Cancel)))
            await Task.Delay(250, Cancel);
        await Task.Delay(500, Cancel);
    }

    private async Task CreateUsersAsync()
    {
        await app.WithServicesAsync(async services =>
        {
            await ConfiguredUserProvisioner.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            foreach (var name in new[] { CoordinatorA, CoordinatorB })
            {
                var user = new IdentityUser(name);
                Assert.True((await users.CreateAsync(user, Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, CareFlowRoles.Coordinator)).Succeeded);
            }
            return 0;
        });
    }

    /// <summary>A case on A's caseload with client, consent, screening, referral, open task, check-in and workflow instance, through the API.</summary>
    private async Task SeedCaseOfAAsync()
    {
        using var http = app.Api();
        var api = new CareApiClient(http);
        await api.ImportDirectoryAsync();
        var intake = await api.PostAsync("/api/clients/intake", new
        {
            givenName = "Walker", familyName = "Ames", dateOfBirth = "1990-02-03", phone = "555-777-1212", coordinatorId = CoordinatorA,
        }, HttpStatusCode.Created);
        var caseId = (string)intake["caseId"]!;
        var clientId = (string)intake["clientId"]!;
        _ids["caseId"] = caseId;
        _ids["clientId"] = clientId;
        _ids["instanceId"] = (string)intake["workflowInstanceId"]!;
        var consent = await api.ConsentAsync(clientId, CareSamples.HarborOrg, CareSamples.HarborEmail);
        _ids["consentId"] = (string)consent["id"]!;
        await api.PostAsync($"/api/cases/{caseId}/screenings", CareSamples.Screening(unsafeAtHome: false), HttpStatusCode.Created);
        await app.HandOverAsync();
        await api.CompleteTaskAsync(caseId, "ChooseService", new { serviceId = CareSamples.HarborService });
        var referral = (await api.GetAsync($"/api/referrals?caseId={caseId}")).AsArray().Single()!;
        _ids["referralId"] = (string)referral["id"]!;
        // An open barrier on A's case, for the resolve routes.
        _ids["barrierId"] = (string)(await api.PostAsync($"/api/cases/{caseId}/barriers",
            new { category = "Cost", costAmount = 20m, description = "Walk: intake fee." }, HttpStatusCode.Created))["id"]!;
        _ids["taskId"] = (await app.WithDbAsync(db => db.Set<CoordinatorTask>().Where(t => t.CaseId == Guid.Parse(caseId)).Select(t => t.Id).FirstAsync(Cancel))).ToString();
        Assert.Equal(CoordinatorA, await app.WithDbAsync(db => db.Set<Case>().Where(c => c.Id == Guid.Parse(caseId)).Select(c => c.CoordinatorId).SingleAsync(Cancel)));

        // A check-in on A's case (the stabilization workflow would schedule one after days; the domain entity directly).
        var checkInId = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            db.Set<CheckIn>().Add(new CheckIn { Id = checkInId, CaseId = Guid.Parse(caseId), Label = "walk", DueAt = app.Clock.GetUtcNow().AddDays(1) });
            return await db.SaveChangesAsync(Cancel);
        });
        _ids["checkInId"] = checkInId.ToString();
        _ids["outboxId"] = (await app.WithDbAsync(db => db.Set<OutboxMessage>().Select(m => (Guid?)m.Id).FirstOrDefaultAsync(Cancel)))?.ToString()
            ?? Guid.NewGuid().ToString(); // admin-only route: the policy refuses before the id is read
    }

    /// <summary>The path with every parameter replaced by A's id of that kind, or null naming the first it cannot resolve.</summary>
    private string? Resolve(RoutePattern pattern, out string? unresolved)
    {
        unresolved = null;
        var path = new StringBuilder();
        string? previousLiteral = null;
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        previousLiteral = literal.Content;
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        var value = ValueOf(parameter.Name, previousLiteral);
                        if (value is null)
                        {
                            unresolved = parameter.Name;
                            return null;
                        }
                        path.Append(parameter.IsCatchAll ? Uri.EscapeDataString(value).Replace("%2F", "/", StringComparison.Ordinal) : Uri.EscapeDataString(value));
                        break;
                }
            }
        }
        return path.ToString();
    }

    /// <summary>A parameter named after its id kind (caseId, clientId, referralId, …); <c>id</c> by the resource in front of it (<c>/api/cases/{id}</c> → caseId).</summary>
    private string? ValueOf(string name, string? resource)
    {
        if (_ids.TryGetValue(name, out var byName))
            return byName;
        if (string.Equals(name, "definitionId", StringComparison.Ordinal))
            return "stabilization"; // only execute and dispatch get here (AllowList): the stage workflow that writes to a case
        if (string.Equals(name, "eventName", StringComparison.Ordinal))
            return "walk-test-event"; // not an id; the ids it would reach are planted in the query and body
        if (string.Equals(name, "path", StringComparison.Ordinal) && resource == "hangfire")
            return "jobs/enqueued"; // the dashboard is admin-only: 403 for a coordinator on any of its pages
        if (string.Equals(name, "rest", StringComparison.Ordinal) && resource == "api")
            return $"workflow-instances/{_ids["instanceId"]}/unknown-action"; // Elsa routes CareFlow lacks: 404 for everyone
        if (!string.Equals(name, "id", StringComparison.Ordinal) || resource is null)
            return null;
        var key = resource switch
        {
            "cases" => "caseId",
            "clients" => "clientId",
            "referrals" => "referralId",
            "tasks" => "taskId",
            "consents" => "consentId",
            "check-ins" => "checkInId",
            "workflow-instances" => "instanceId",
            "outbox" => "outboxId",
            "barriers" => "barrierId",
            _ => null,
        };
        return key is not null && _ids.TryGetValue(key, out var value) ? value : null;
    }

    private async Task<HttpClient> SignInAsync(string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await Forms.PostSignInAsync(client, userName, Password, "/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A digest of every row that mentions one of A's records, so any change by B, or any new row pointing at them, shows.</summary>
    private Task<string> SnapshotAsync() =>
        CaseloadRig.RowsMentioningAsync(app, _ids.Where(i => i.Key != "outboxId").Select(i => i.Value));
}
