namespace CareFlow.IntegrationTests.Email;

/// <summary>One <see cref="EmailApp"/> host for the email, outbox and provider link tests.</summary>
[CollectionDefinition(Name)]
public sealed class EmailCollectionDefinition : ICollectionFixture<CareFlowApp<EmailApp>>
{
    public const string Name = "email";
}
