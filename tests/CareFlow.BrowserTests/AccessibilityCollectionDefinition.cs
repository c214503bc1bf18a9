namespace CareFlow.BrowserTests;

/// <summary>One host with demo data and one Chromium for the accessibility check.</summary>
[CollectionDefinition("accessibility")]
public sealed class AccessibilityCollectionDefinition : ICollectionFixture<AccessibilityAppFixture>;
