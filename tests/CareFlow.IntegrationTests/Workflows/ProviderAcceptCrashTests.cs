using System.Net;
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
/// The crash drill of a provider's accept: the node is SIGKILLed after the accept has committed the referral's new
/// status and before the waiting workflow's resume has committed (held back by a row lock on its bookmark, taken in a
/// separate PostgreSQL connection). After a restart the workflow must move past the provider-response step on its own:
/// the signal may not be lost with the process.
/// </summary>
[Collection(ProcessTestsSerial.Name)]
public sealed partial class ProviderAcceptCrashTests(ITestOutputHelper output)
{
    private const string DefinitionId = "provider-accept-crash";
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Workflow_MovesPastTheProviderResponse_WhenTheNodeDiesBetweenTheAcceptAndTheResume()
    {
        var folder = RepositoryLayout.ArtifactsFolder("provider-accept-crash");
        var db = await TestDatabase.CreateAsync("accept_crash", Token);
        var referral = new ReferralFixture();
        await EngineServices.PrepareAsync(db.ConnectionString, [WaitForAnswer(referral.ReferralId)], Token);
        var token = await SeedAsync(db, referral, folder);

        var apiKey = NodeSettings.NewApiKey();
        await using var node = new CareFlowProcess("node", NodeSettings.For(db, apiKey, folder, "node"), folder);
        await node.StartAsync(Token);
        using var api = new ElsaApiClient(node.BaseAddress, apiKey);
        using (var started = await api.ExecuteAsync(DefinitionId, new JsonObject(), Token))
        {
            Assert.True(started.IsSuccessStatusCode, $"execute answered {(int)started.StatusCode}");
        }

        var instanceId = (await db.QueryAsync("SELECT id FROM workflows.instances WHERE definition_id = @d", r => r.GetString(0), Token, ("d", DefinitionId))).Single();
        await Poll.UntilAsync(
            async () =>
            {
                var waiting = await ProviderResponseBookmarksAsync(db, instanceId);
                return (waiting == 1, $"{waiting} provider-response bookmarks");
            },
            TimeSpan.FromSeconds(30),
            "the instance waits for the provider's answer",
            Token);

        // Hold the bookmark's row: the resume's claim (DELETE of the bookmark) waits on it, after the accept has committed.
        await using var blocker = new NpgsqlConnection(db.ConnectionString);
        await blocker.OpenAsync(Token);
        await using var hold = await blocker.BeginTransactionAsync(Token);
        await using (var lockRow = new NpgsqlCommand("SELECT id FROM workflows.bookmarks WHERE instance_id = @i AND name = 'CareFlow.ProviderResponse' FOR UPDATE", blocker, hold))
        {
            lockRow.Parameters.AddWithValue("i", instanceId);
            Assert.NotNull(await lockRow.ExecuteScalarAsync(Token));
        }

        using var provider = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(60),
        };
        var page = await provider.GetStringAsync(new Uri($"r/{token}", UriKind.Relative), Token);
        var antiforgery = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(antiforgery), "the provider page carries an anti-forgery token");
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]);
        var accept = provider.PostAsync(new Uri($"r/{token}/accept", UriKind.Relative), form, Token);

        await Poll.UntilAsync(
            async () =>
            {
                var status = await db.QueryAsync("SELECT status FROM careflow.referrals WHERE id = @r", r => r.GetString(0), Token, ("r", referral.ReferralId));
                var blocked = await db.ScalarAsync(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()", Token);
                return (status.Single() == "Accepted" && blocked > 0, $"referral {status.Single()}, {blocked} sessions waiting on a lock");
            },
            TimeSpan.FromSeconds(30),
            "the accept committed and the resume waits on the bookmark's row",
            Token);

        await node.KillAsync();
        output.WriteLine("node killed after the accept committed, before the resume committed");
        await hold.RollbackAsync(Token);
        await Task.WhenAny(accept.ContinueWith(_ => { }, TaskScheduler.Default), Task.Delay(TimeSpan.FromSeconds(5), Token));

        await node.StartAsync(Token);
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    var waiting = await ProviderResponseBookmarksAsync(db, instanceId);
                    var status = (await db.QueryAsync("SELECT status FROM workflows.instances WHERE id = @i", r => r.GetString(0), Token, ("i", instanceId))).Single();
                    return (waiting == 0 && status == "Finished", $"instance {status}, {waiting} provider-response bookmarks");
                },
                RecoveryBound,
                "the workflow moved past the provider-response step after the restart",
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

    private static Task<long> ProviderResponseBookmarksAsync(TestDatabase db, string instanceId) =>
        db.ScalarAsync("SELECT count(*) FROM workflows.bookmarks WHERE instance_id = @i AND name = 'CareFlow.ProviderResponse'", Token, ("i", instanceId));

    /// <summary>The referral, a provider link for it, and the token the provider's email would carry.</summary>
    private static async Task<string> SeedAsync(TestDatabase database, ReferralFixture referral, string folder)
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
        var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
        var now = DateTimeOffset.UtcNow;
        await referral.SeedAsync(db, now, Token);
        var link = new ProviderLink
        {
            Id = Guid.NewGuid(), ReferralId = referral.ReferralId, RecipientEmail = ReferralFixture.ProviderEmail, CreatedAt = now, ExpiresAt = now.AddDays(7),
        };
        db.Add(link);
        await db.SaveChangesAsync(Token);
        return scope.ServiceProvider.GetRequiredService<IProviderLinkTokens>().Issue(link, link.ExpiresAt);
    }

    /// <summary>Waits for the provider's answer to the referral; accepted goes on to the end.</summary>
    private static JsonObject WaitForAnswer(Guid referralId) => new()
    {
        ["definitionId"] = DefinitionId,
        ["name"] = DefinitionId,
        ["version"] = 1,
        ["variables"] = new JsonArray(),
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["activities"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "wait", ["nodeId"] = "Workflow1:flowchart:wait", ["type"] = "CareFlow.WaitForProviderResponse", ["version"] = 1, ["name"] = "wait",
                    ["referralId"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = referralId.ToString() } },
                },
                new JsonObject { ["id"] = "end", ["nodeId"] = "Workflow1:flowchart:end", ["type"] = "Elsa.End", ["version"] = 1, ["name"] = "end" }),
            ["connections"] = new JsonArray(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = "wait", ["port"] = "Accepted" },
                ["target"] = new JsonObject { ["activity"] = "end", ["port"] = "In" },
            }),
        },
    };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
