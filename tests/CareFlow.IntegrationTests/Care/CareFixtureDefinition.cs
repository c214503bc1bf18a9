namespace CareFlow.IntegrationTests.Care;

/// <summary>One <see cref="CareApp"/> host for the care, security and fuzz tests on PostgreSQL.</summary>
[CollectionDefinition("care")]
public sealed class CareFixtureDefinition : ICollectionFixture<CareFlowApp<CareApp>>;
