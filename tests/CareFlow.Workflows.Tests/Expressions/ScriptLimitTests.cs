using System.Diagnostics;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Expressions;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Workflows.Tests.Expressions;

/// <summary>One script operation cannot allocate past the memory limit, and regular expressions count against the time limit.</summary>
[Collection(nameof(ScriptLimitTests))]
public sealed class ScriptLimitTests
{
    private static WorkflowDefinition OneScript(string code) =>
        WorkflowDefinitionParser.FromJson(Defs.Workflow([Defs.Activity("w", "Elsa.WriteLine", ("text", Defs.Script(code, "String")))], []));

    [Theory(Timeout = 60_000)]
    [InlineData("'x'.repeat(2**29).length")]
    [InlineData("'xy'.repeat(2**28).length")]
    [InlineData("''.padStart(2**29, 'x').length")]
    [InlineData("''.padEnd(2**29).length")]
    [InlineData("new Array(2**20).fill('x'.repeat(4096)).join('').length")]
    [InlineData("new Array(2**26).length")]
    [InlineData("var a = []; a.length = 2**30; a.fill(1).length")]
    public async Task OneHugeAllocation_FaultsBeforeItIsMade(string code)
    {
        using var h = new WorkflowHarness();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var totalBefore = GC.GetTotalAllocatedBytes(precise: true);

        var state = await h.StartAsync(OneScript(code));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - totalBefore;
        Assert.Equal(WorkflowSubStatus.Faulted, state.SubStatus);
        Assert.Empty(h.Lines);
        // The memory limit is 16 MiB; the whole run, test harness included, stays well under 10 times that.
        Assert.True(allocated < 160L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MiB (thread: {(GC.GetAllocatedBytesForCurrentThread() - before) / (1024 * 1024)} MiB)");
        Assert.Matches("limit|length|size", Assert.Single(state.Incidents).Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task StringsWithinTheLimit_StillWork()
    {
        using var h = new WorkflowHarness();

        await h.StartAsync(OneScript("'ab'.repeat(1000).length + ':' + 'x'.padStart(5, '-') + ':' + ['a', 'b', 'c'].join('-') + ':' + [1, null, 2].join()"));

        Assert.Equal(["2000:----x:a-b-c:1,,2"], h.Lines);
    }

    [Fact(Timeout = 60_000)]
    public async Task CatastrophicRegex_FaultsWithinTheScriptTimeLimit()
    {
        using var h = new WorkflowHarness(new ScriptLimits { Timeout = TimeSpan.FromSeconds(2) });
        var watch = Stopwatch.StartNew();

        var state = await h.StartAsync(OneScript("/(a+)+$/.test('a'.repeat(40) + '!')"));

        // Generous: the limit plus two seconds for a loaded machine; the regex alone would run for minutes.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
        Assert.Equal(WorkflowSubStatus.Faulted, state.SubStatus);
        Assert.Contains("time limit", Assert.Single(state.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task CaughtRegexTimeout_DoesNotBuyTheScriptMoreTime()
    {
        using var h = new WorkflowHarness(new ScriptLimits { Timeout = TimeSpan.FromSeconds(2) });
        var watch = Stopwatch.StartNew();

        var state = await h.StartAsync(OneScript(
            "var n = 0; for (var i = 0; i < 5; i++) { try { /(a+)+$/.test('a'.repeat(40) + '!'); } catch (e) { n++; } } n"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
        Assert.Equal(WorkflowSubStatus.Faulted, state.SubStatus);
    }
}

/// <summary>Memory assertions read process-wide allocation counters, so these tests run alone.</summary>
[CollectionDefinition(nameof(ScriptLimitTests), DisableParallelization = true)]
public sealed class ScriptLimitsRunAlone;
