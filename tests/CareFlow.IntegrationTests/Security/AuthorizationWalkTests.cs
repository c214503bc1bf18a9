using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
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
/// Object-level authorization on every route that takes an id: coordinator A owns a case (client, consent, referral,
/// task, check-in, workflow instance); coordinator B, signed in through the real form, requests every id-taking route
/// of the running app (found in its EndpointDataSource, so routes added later are walked too) with A's ids and must
/// get 403 or 404, and A's rows must be byte-for-byte unchanged afterwards. A route with a parameter the walk cannot
/// resolve and that is not on <see cref="AllowList"/> fails the test by name.
/// </summary>
[Collection("care")]
public sealed partial class AuthorizationWalkTests(CareAppFixture app) : IAsyncLifetime
{
    private const string CoordinatorA = "walk-a";
    private const string CoordinatorB = "walk-b";
    private const string Password = "walk-test-password";

    /// <summary>Routes with parameters that are not object ids of client data, each with the reason it is not walked.</summary>
    private static readonly (Regex Pattern, string Reason)[] AllowList =
    [
        (new("^/r/\\{token\\}"), "Provider links: the token itself is the credential, scoped to one referral (ProviderLinkPageTests)."),
        (new("\\{definitionId"), "Workflow definitions are not client data: reads are open to signed-in users, writes need the designer policy (StudioApiTests)."),
        (new("^/elsa/api/workflow-definition-versions/\\{id\\}"), "A workflow definition version, not client data; designer policy (StudioApiTests)."),
        (new("^/elsa/api/workflow-definitions/by-id/\\{id\\}"), "A workflow definition version, not client data; readable by signed-in users (StudioApiTests)."),
        (new("^/openapi/\\{documentName\\}"), "The OpenAPI description of the API, not client data."),
        (new("^/api/directory/"), "The service directory (HSDS) is not client data; every signed-in user may read it."),
        (new("^/directory/"), "The service directory (HSDS) pages are not client data; every signed-in user may read them."),
        (new("^/api/screening/instruments/\\{id\\}"), "Screening instrument definitions (questions), not client data."),
    ];

    private readonly Dictionary<string, string> _ids = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CoordinatorB_GetsForbiddenOrNotFound_OnEveryIdRoute_WithCoordinatorAsIds_AndChangesNothing()
    {
        await CreateUsersAsync();
        await SeedCaseOfAAsync();
        await OutboxDrainedAsync(); // the provider email's dispatch may touch the referral; let it finish first
        var before = await SnapshotAsync();

        using var b = await SignInAsync(CoordinatorB);
        var antiforgery = Token(await b.GetStringAsync(SignInEndpoints.SignInPath, Cancel));
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0)
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
                failures.Add($"{raw}: cannot resolve parameter '{unresolved}'; give it a conventional name (common.md) or add it to AllowList with a reason.");
                continue;
            }
            foreach (var (method, handler) in await RequestsForAsync(endpoint))
            {
                var target = handler is null ? path : $"{path}?handler={Uri.EscapeDataString(handler)}";
                using var request = new HttpRequestMessage(new HttpMethod(method), target);
                request.Headers.Accept.ParseAdd("text/html,application/json");
                if (method != "GET")
                {
                    request.Content = raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/elsa/api/", StringComparison.Ordinal)
                        ? new StringContent("{}", Encoding.UTF8, "application/json")
                        : new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]);
                }
                using var response = await b.SendAsync(request, Cancel);
                walked.Add($"{method} {raw}{(handler is null ? "" : "?handler=" + handler)} -> {(int)response.StatusCode}");
                if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                    failures.Add($"{method} {target} ({raw}) answered {(int)response.StatusCode} to coordinator B; expected 403 or 404.");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\nWalked:\n" + string.Join("\n", walked));
        // The walk covered the care API, the workflow-instance API and the designer's instance view at least.
        Assert.Contains(walked, w => w.StartsWith("GET /api/cases/{id:guid}", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /api/consents/{id:guid}/revoke", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("GET /elsa/api/workflow-instances/{id}", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("GET /designer/workflows/instances/{instanceId}/view", StringComparison.Ordinal));
        // The coordinator app's pages are walked too (every handler of every page with an id in its route).
        Assert.Contains(walked, w => w.StartsWith("GET /cases/{caseId", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("POST /cases/{caseId", StringComparison.Ordinal) && w.Contains("/consents", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("GET /cases/{caseId", StringComparison.Ordinal) && w.Contains("/rights", StringComparison.Ordinal));
        Assert.Contains(walked, w => w.StartsWith("GET /instances/{instanceId", StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync());

        // The walk itself is in the audit log as denials by B.
        var denials = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Actor == CoordinatorB && e.Action == "denied", Cancel));
        Assert.True(denials >= walked.Count / 2, $"Expected the walk's denials in the audit log; found {denials} for {walked.Count} requests.");
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

    /// <summary>Parameter names of common.md; <c>id</c> by the resource in front of it (<c>/api/cases/{id}</c> → caseId).</summary>
    private string? ValueOf(string name, string? resource)
    {
        if (_ids.TryGetValue(name, out var byName))
            return byName;
        if (string.Equals(name, "eventName", StringComparison.Ordinal))
            return "walk-test-event"; // not an id: the workflow-instance policy refuses coordinators before it is read
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
            _ => null,
        };
        return key is not null && _ids.TryGetValue(key, out var value) ? value : null;
    }

    private async Task<HttpClient> SignInAsync(string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync(SignInEndpoints.SignInPath, Cancel);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form), ["userName"] = userName, ["password"] = Password, ["returnUrl"] = "/",
        });
        using var response = await client.PostAsync(SignInEndpoints.SignInPath, content, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static string Token(string html) => WebUtility.HtmlDecode(TokenInput().Match(html).Groups[1].Value);

    /// <summary>
    /// A digest of every row that belongs to A's case or client (any table with a case_id or client_id column, the case
    /// and client rows, the workflow instance), so any change by B shows.
    /// </summary>
    private async Task<string> SnapshotAsync()
    {
        var connectionString = app.Services.GetRequiredService<CareFlow.Infrastructure.Settings.InfrastructureSettings>().PostgresConnectionString!;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancel);
        var tables = new List<(string Schema, string Table, string Column)>();
        await using (var columns = new NpgsqlCommand(
            "SELECT table_schema, table_name, column_name FROM information_schema.columns WHERE table_schema IN ('careflow','workflows') " +
            "AND column_name IN ('case_id','client_id','workflow_instance_id','instance_id') ORDER BY 1,2,3", connection))
        await using (var reader = await columns.ExecuteReaderAsync(Cancel))
        {
            while (await reader.ReadAsync(Cancel))
                tables.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        var (caseTable, clientTable) = await app.WithDbAsync(db => Task.FromResult((db.Model.FindEntityType(typeof(Case))!.GetTableName()!, db.Model.FindEntityType(typeof(Client))!.GetTableName()!)));
        tables.Add(("careflow", caseTable, "id"));
        tables.Add(("careflow", clientTable, "id"));
        var snapshot = new StringBuilder();
        foreach (var (schema, table, column) in tables)
        {
            var key = column switch
            {
                "case_id" => _ids["caseId"],
                "client_id" => _ids["clientId"],
                "id" when table == caseTable => _ids["caseId"],
                "id" => _ids["clientId"],
                _ => _ids["instanceId"],
            };
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{schema}\".\"{table}\" t WHERE t.\"{column}\"::text = @key", connection);
            command.Parameters.AddWithValue("key", key);
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            await reader.ReadAsync(Cancel);
            snapshot.Append(schema).Append('.').Append(table).Append(": ").Append(reader.GetInt64(0)).Append(' ').AppendLine(reader.GetString(1));
        }
        return snapshot.ToString();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
