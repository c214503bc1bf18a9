namespace CareFlow.IntegrationTests.Health;

/// <summary>One <see cref="PostgresHostApp"/> host (one database) for the tests of the production shape.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresHostCollectionDefinition : ICollectionFixture<CareFlowApp<PostgresHostApp>>
{
    public const string Name = "app";
}
