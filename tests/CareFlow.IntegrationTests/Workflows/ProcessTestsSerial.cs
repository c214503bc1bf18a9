namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// The tests that start CareFlow processes under load run one after another: on a 2-core machine, two of them at
/// once would measure the machine rather than the engine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessTestsSerial
{
    public const string Name = "workflow-processes";
}
