namespace CareFlow.IntegrationTests;

/// <summary>One <see cref="CareFlowAppFixture"/> (one host, one database) for every test that needs the app.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollectionDefinition : ICollectionFixture<CareFlowAppFixture>
{
    public const string Name = "app";
}
