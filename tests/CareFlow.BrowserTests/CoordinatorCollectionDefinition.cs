namespace CareFlow.BrowserTests;

/// <summary>One CareFlow host (real workflows) and one Chromium for the coordinator journey.</summary>
[CollectionDefinition("coordinator")]
public sealed class CoordinatorCollectionDefinition : ICollectionFixture<CoordinatorAppFixture>;
