using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareFlow.Core;
using CareFlow.Core.ProviderLinks;
using CareFlow.Infrastructure;
using CareFlow.Infrastructure.Persistence;
using CareFlow.IntegrationTests.Email;
using CareFlow.IntegrationTests.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// Crash drills of use cases that change the care record and then resume a waiting workflow: the node is SIGKILLed
/// after the change has committed and before the workflow's resume has committed (held back by a row lock on the
/// bookmark, taken in a separate PostgreSQL connection). After a restart the workflow must move past its waiting step
/// on its own: the signal may not be lost with the process, and the bookmark is resumed exactly once.
/// </summary>
[Collection(ProcessTestsSerial.Name)]
public sealed partial class SignalHandOffCrashTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Workflow_MovesPastTheProviderResponse_WhenTheNodeDiesBetweenTheAcceptAndTheResume()
    {
        const string definitionId = "provider-accept-crash";
        var referral = new ReferralFixture();
        string? token = null;
        await DrillAsync(
            "accept_crash",
            Flowchart(definitionId, Activity("wait", "CareFlow.WaitForProviderResponse", ("referralId", Literal(referral.ReferralId.ToString()))), "Accepted"),
            "CareFlow.ProviderResponse",
            async (services, now) =>
            {
                var db = services.GetRequiredService<CareFlowDbContext>();
                await referral.SeedAsync(db, now, Token);
                var link = new ProviderLink
                {
                    Id = Guid.NewGuid(), ReferralId = referral.ReferralId, RecipientEmail = ReferralFixture.ProviderEmail, CreatedAt = now, ExpiresAt = now.AddDays(7),
                };
                db.Add(link);
                await db.SaveChangesAsync(Token);
                token = services.GetRequiredService<IProviderLinkTokens>().Issue(link, link.ExpiresAt);
            },
            async (db, node, _) =>
            {
                // The provider's browser: the page (anti-forgery token and cookie), then the accept button.
                using var provider = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
                {
                    BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(60),
                };
                var page = await provider.GetStringAsync(new Uri($"r/{token}", UriKind.Relative), Token);
                var antiforgery = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
                Assert.False(string.IsNullOrEmpty(antiforgery), "the provider page carries an anti-forgery token");
                using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]);
                return await provider.PostAsync(new Uri($"r/{token}/accept", UriKind.Relative), form, Token);
            },
            async db => (await db.QueryAsync("SELECT status FROM careflow.referrals WHERE id = @r", r => r.GetString(0), Token, ("r", referral.ReferralId))).Single() == "Accepted");
    }

    [Fact]
    public async Task Workflow_MovesPastTheCheckIn_WhenTheNodeDiesBetweenTheOutcomeAndTheResume()
    {
        const string definitionId = "check-in-crash";
        var referral = new ReferralFixture();
        await DrillAsync(
            "check_in_crash",
            Flowchart(definitionId, Activity("wait", "CareFlow.ScheduleCheckIn", ("caseId", Literal(referral.CaseId.ToString())), ("dueAfter", Literal("1.00:00:00", "TimeSpan"))), "Stable"),
            "CareFlow.CheckInRecorded",
            async (services, now) => await referral.SeedAsync(services.GetRequiredService<CareFlowDbContext>(), now, Token),
            async (db, node, apiKey) =>
            {
                var checkIn = (await db.QueryAsync("SELECT id FROM careflow.check_ins WHERE case_id = @c", r => r.GetGuid(0), Token, ("c", referral.CaseId))).Single();
                using var api = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
                api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
                using var body = new StringContent("{\"outcome\":\"Stable\"}", Encoding.UTF8, "application/json");
                return await api.PostAsync(new Uri($"api/check-ins/{checkIn}/outcome", UriKind.Relative), body, Token);
            },
            async db => await db.ScalarAsync("SELECT count(*) FROM careflow.check_ins WHERE case_id = @c AND outcome IS NOT NULL", Token, ("c", referral.CaseId)) == 1);
    }

    /// <summary>
    /// Seeds, starts one node and one instance waiting on <paramref name="bookmarkName"/>, locks that bookmark's row,
    /// acts, waits until <paramref name="committed"/> holds while the resume waits on the lock, kills the node,
    /// releases the lock, restarts, and expects the instance to finish with its waiting step resumed once.
    /// </summary>
    private async Task DrillAsync(
        string prefix, JsonObject definition, string bookmarkName, Func<IServiceProvider, DateTimeOffset, Task> seed,
        Func<TestDatabase, CareFlowProcess, string, Task<HttpResponseMessage>> act, Func<TestDatabase, Task<bool>> committed)
    {
        var folder = RepositoryLayout.ArtifactsFolder(prefix.Replace('_', '-'));
        var db = await TestDatabase.CreateAsync(prefix, Token);
        var definitionId = definition["definitionId"]!.GetValue<string>();
        await EngineServices.PrepareAsync(db.ConnectionString, [definition], Token);
        await SeedAsync(db, folder, seed);

        var apiKey = NodeSettings.NewApiKey();
        await using var node = new CareFlowProcess("node", NodeSettings.For(db, apiKey, folder, "node"), folder);
        await node.StartAsync(Token);
        using var engine = new ElsaApiClient(node.BaseAddress, apiKey);
        using (var started = await engine.ExecuteAsync(definitionId, new JsonObject(), Token))
        {
            Assert.True(started.IsSuccessStatusCode, $"execute answered {(int)started.StatusCode}");
        }

        var instanceId = (await db.QueryAsync("SELECT id FROM workflows.instances WHERE definition_id = @d", r => r.GetString(0), Token, ("d", definitionId))).Single();
        await Poll.UntilAsync(
            async () =>
            {
                var waiting = await WaitingAsync(db, instanceId, bookmarkName);
                return (waiting == 1, $"{waiting} {bookmarkName} bookmarks");
            },
            TimeSpan.FromSeconds(30),
            "the instance waits",
            Token);

        // Hold the bookmark's row: the resume's claim (DELETE of the bookmark) waits on it, after the change has committed.
        await using var blocker = new NpgsqlConnection(db.ConnectionString);
        await blocker.OpenAsync(Token);
        await using var hold = await blocker.BeginTransactionAsync(Token);
        await using (var lockRow = new NpgsqlCommand("SELECT id FROM workflows.bookmarks WHERE instance_id = @i AND name = @n FOR UPDATE", blocker, hold))
        {
            lockRow.Parameters.AddWithValue("i", instanceId);
            lockRow.Parameters.AddWithValue("n", bookmarkName);
            Assert.NotNull(await lockRow.ExecuteScalarAsync(Token));
        }

        var acting = act(db, node, apiKey);
        await Poll.UntilAsync(
            async () =>
            {
                var done = await committed(db);
                var blocked = await db.ScalarAsync(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()", Token);
                return (done && blocked > 0, $"change committed: {done}, {blocked} sessions waiting on a lock");
            },
            TimeSpan.FromSeconds(30),
            "the change committed and the resume waits on the bookmark's row",
            Token);

        await node.KillAsync();
        output.WriteLine("node killed after the change committed, before the resume committed");
        await hold.RollbackAsync(Token);
        await Task.WhenAny(acting.ContinueWith(_ => { }, TaskScheduler.Default), Task.Delay(TimeSpan.FromSeconds(5), Token));

        await node.StartAsync(Token);
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    var waiting = await WaitingAsync(db, instanceId, bookmarkName);
                    var status = (await db.QueryAsync("SELECT status FROM workflows.instances WHERE id = @i", r => r.GetString(0), Token, ("i", instanceId))).Single();
                    // The delivered signal's row is deleted right after the resume commits, so it is awaited too.
                    var pending = await db.ScalarAsync("SELECT count(*) FROM workflows.pending_signals", Token);
                    return (waiting == 0 && status == "Finished" && pending == 0, $"instance {status}, {waiting} {bookmarkName} bookmarks, {pending} pending signals");
                },
                RecoveryBound,
                "the workflow moved past its waiting step after the restart",
                Token,
                TimeSpan.FromMilliseconds(500));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Node logs: {node.LogFile}", ex);
        }

        var journal = await JournalQueries.JournalAsync(db, instanceId, Token);
        Assert.Equal(1, journal.Count(j => j.ActivityId == "wait" && j.EventName == "Resumed"));
    }

    private static Task<long> WaitingAsync(TestDatabase db, string instanceId, string bookmarkName) =>
        db.ScalarAsync("SELECT count(*) FROM workflows.bookmarks WHERE instance_id = @i AND name = @n", Token, ("i", instanceId), ("n", bookmarkName));

    /// <summary>Runs <paramref name="seed"/> in a scope of the application's own services on the test database.</summary>
    private static async Task SeedAsync(TestDatabase database, string folder, Func<IServiceProvider, DateTimeOffset, Task> seed)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(EngineServices.Settings(database.ConnectionString, Path.Combine(folder, "data-seed")))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCareFlowCore();
        services.AddCareFlowInfrastructure(configuration);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await seed(scope.ServiceProvider, DateTimeOffset.UtcNow);
    }

    /// <summary>One waiting activity <c>wait</c>; its <paramref name="onwards"/> port goes to the end.</summary>
    private static JsonObject Flowchart(string definitionId, JsonObject wait, string onwards) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = definitionId,
        ["version"] = 1,
        ["variables"] = new JsonArray(),
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["activities"] = new JsonArray(wait, Activity("end", "Elsa.End")),
            ["connections"] = new JsonArray(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = "wait", ["port"] = onwards },
                ["target"] = new JsonObject { ["activity"] = "end", ["port"] = "In" },
            }),
        },
    };

    private static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["nodeId"] = $"Workflow1:flowchart:{id}", ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (name, value) in inputs) activity[name] = value;
        return activity;
    }

    private static JsonObject Literal(string value, string typeName = "String") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
