namespace CareFlow.IntegrationTests.Care;

[CollectionDefinition("care")]
public sealed class CareFixtureDefinition : ICollectionFixture<CareAppFixture>;
