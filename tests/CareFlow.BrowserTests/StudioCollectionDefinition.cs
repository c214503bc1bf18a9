namespace CareFlow.BrowserTests;

/// <summary>One CareFlow host and one Chromium for all browser tests.</summary>
[CollectionDefinition("studio")]
public sealed class StudioCollectionDefinition : ICollectionFixture<StudioAppFixture>;
