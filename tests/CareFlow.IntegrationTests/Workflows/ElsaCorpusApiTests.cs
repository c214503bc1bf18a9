using System.Text.Json.Nodes;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// Every file of the Elsa corpus, imported and published through Studio's route on a real CareFlow
/// process on PostgreSQL, executes through <c>POST /elsa/api/workflow-definitions/{id}/execute</c> (200 with
/// <c>x-elsa-workflow-instance-id</c>) and ends as its MANIFEST says; files with timers are fired by Hangfire in real
/// time (timer-workflow.json waits a minute). The WriteLine output is read from the journal: the Completed WriteLine
/// records, in order, mapped to each activity's literal text.
/// </summary>
[Collection(ElsaCorpusSerial.Name)]
public sealed class ElsaCorpusApiTests(ElsaCorpusFixture fixture) : IClassFixture<ElsaCorpusFixture>
{
    private static readonly HashSet<string> TimerFiles = ["workflow3.json", "workflow4.json", "timer-workflow.json"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The expectations of tests/CareFlow.Workflows.Tests/ElsaCorpusTests.cs (MANIFEST.md, counter mode).</summary>
    public static TheoryData<string, string[], string> Expectations => new()
    {
        { "hello-world.json", ["Hello World!"], "Finished" },
        { "writeline.json", ["Dummy Text"], "Finished" },
        { "workflow1.json", ["WriteLine1", "WriteLine2", "WriteLine3"], "Finished" },
        { "workflow3.json", ["WriteLine1", "WriteLine2", "WriteLine3", "WriteLine4", "WriteLine5", "WriteLine6", "WriteLine7", "WriteLine8", "WriteLine9"], "Finished" },
        { "workflow4.json", ["WriteLine1", "WriteLine2", "WriteLine3", "WriteLine4", "WriteLine6", "WriteLine7"], "Finished" },
        { "implicit-loop.json", ["Do something", "Retry", "Do something", "Done"], "Finished" },
        { "fork.json", ["One", "Two", "Three"], "Finished" },
        { "join-all-1.json", ["Start", "Line 1", "Line 2", "End"], "Finished" },
        { "join-any-1.json", ["Start", "End"], "Finished" },
        { "join.json", ["", ""], "Finished" },
        { "decision-merge-join-none.json", [], "Finished" },
        { "fork-decision-join-none.json", ["A", "C"], "Finished" },
        { "fork-decision-join-converge.json", ["A", "C"], "Finished" },
        { "timer-workflow.json", ["Hello from timer"], "Finished" },
        { "CacheInvalidation_Child.json", [], "Finished" },
        { "instance-serialization.json", [], "Finished" },
        { "input-output-logging-1.json", ["This input should be stored", "This input should not be stored", "This input should be stored", "This input should not be stored"], "Finished" },
    };

    [Fact]
    public void Expectations_CoverEveryCorpusFile()
    {
        var files = Directory.EnumerateFiles(ElsaCorpusFixture.CorpusFolder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(files, Expectations.Select(row => (string)row.Data.Item1).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Expectations))]
    public async Task Execute_AnswersOkAndEndsAsTheManifestSays_ForEachCorpusFile(string file, string[] expectedLines, string expectedEnd)
    {
        var run = (await fixture.RunAllAsync(Token))[file];
        Assert.True(run.SaveStatus == 200, $"Import+publish of {file} answered {run.SaveStatus}: {run.SaveBody}");
        Assert.True(run.ExecuteStatus == 200, $"Execute of {file} answered {run.ExecuteStatus}; node log {fixture.LogFile}");
        Assert.False(string.IsNullOrEmpty(run.InstanceId), "No x-elsa-workflow-instance-id header.");

        string? subStatus = run.SubStatusAfterExecute;
        if (TimerFiles.Contains(file))
        {
            Assert.Equal("Suspended", subStatus);
            await Poll.UntilAsync(
                async () =>
                {
                    subStatus = (await fixture.Api.GetInstanceAsync(run.InstanceId!, Token))["subStatus"]?.ToString();
                    return (subStatus == expectedEnd, $"sub-status {subStatus}");
                },
                TimeSpan.FromSeconds(120),
                $"{file} fired by Hangfire and {expectedEnd}",
                Token,
                TimeSpan.FromMilliseconds(500));
        }

        Assert.Equal(expectedEnd, subStatus);
        var instance = await fixture.Api.GetInstanceAsync(run.InstanceId!, Token);
        Assert.Equal(("Finished", 0), (instance["status"]?.ToString(), instance["incidentCount"]!.GetValue<int>()));
        Assert.Equal(expectedLines, await WrittenLinesAsync(run));
    }

    /// <summary>The text of each Completed Elsa.WriteLine journal record, in sequence order.</summary>
    private async Task<string[]> WrittenLinesAsync(CorpusRun run)
    {
        var texts = (run.Model["root"]?["activities"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(a => a["type"]?.ToString() == "Elsa.WriteLine")
            .ToDictionary(a => a["id"]!.ToString(), a => a["text"]?["expression"]?["value"]?.ToString() ?? "");
        var journal = await fixture.Api.JournalAsync(run.InstanceId!, Token);
        return [.. journal.OfType<JsonObject>()
            .Where(j => j["eventName"]?.ToString() == "Completed" && j["activityType"]?.ToString() == "Elsa.WriteLine")
            .OrderBy(j => j["sequence"]!.GetValue<long>())
            .Select(j => texts[j["activityId"]!.ToString()])];
    }
}
