using System.Text.Json.Nodes;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Sdk;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// No instance stays stuck for more than 3 minutes: the engine commits a timer bookmark, then arms it in
/// Hangfire in a second step. If the process dies between the two (or the enqueue fails), only a restart of some node
/// re-arms the timer (WorkflowRecoveryService at start-up). On a cluster where nobody restarts, the instance waits
/// forever. The host here loses the first arming and stays up.
/// </summary>
[Collection(RecoveryTestsSerial.Name)]
public sealed class LostTimerArmingTests(LostArmingHostFixture fixture, ITestOutputHelper output) : IClassFixture<LostArmingHostFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private EngineHost Host => fixture.Host;

    [Fact]
    public async Task Delay_FiresWithinTheRecoveryBound_WhenItsArmingWasLostAfterTheCommit()
    {
        await Host.PublishAsync(WorkflowModels.DelayOnly("lost-arming"), Token);
        var request = new StartWorkflowRequest { Input = new JsonObject { ["delay"] = "00:00:02" } };
        var state = (await Host.WithRuntimeAsync(r => r.StartAsync("lost-arming", VersionOptions.Published, request, Token)))!;
        Assert.Equal(1, ((LosingTimerScheduler)Host.Services.GetRequiredService<IWorkflowTimerScheduler>()).Lost);
        var due = state.Bookmarks.Single().ResumeAt!.Value;

        try
        {
            var took = await Poll.UntilAsync(
                async () =>
                {
                    var unfinished = await JournalQueries.UnfinishedCountAsync(Host.Database, "lost-arming", Token);
                    return (unfinished == 0, $"the timer due {due:HH:mm:ss} has not fired");
                },
                Bound,
                "the timer whose arming was lost fired",
                Token,
                TimeSpan.FromMilliseconds(500));
            output.WriteLine($"fired {took.TotalSeconds:0.0} s after the start (due 2 s after it)");
        }
        catch (TimeoutException ex)
        {
            throw new XunitException($"A timer committed but never armed stays stuck while no node restarts: {ex.Message}");
        }
    }
}
