namespace CareFlow.Web.Tests.Pages;

/// <summary>One embedded host for all page tests; each test seeds rows of its own (own ids, own months).</summary>
[CollectionDefinition("pages")]
public sealed class PagesCollectionDefinition : ICollectionFixture<CareFlowApp<PagesApp>>;
