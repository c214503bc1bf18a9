namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// Tests that mostly wait for Hangfire's own recovery timeouts (a stale lock, an invisible job of a dead node). Their
/// bounds are generous, so they run beside the load tests instead of lengthening that chain.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RecoveryTestsSerial
{
    public const string Name = "workflow-recovery";
}
