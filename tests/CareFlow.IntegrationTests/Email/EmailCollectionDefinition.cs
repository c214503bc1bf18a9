namespace CareFlow.IntegrationTests.Email;

/// <summary>One <see cref="EmailAppFixture"/> for the email, outbox and provider link tests.</summary>
[CollectionDefinition(Name)]
public sealed class EmailCollectionDefinition : ICollectionFixture<EmailAppFixture>
{
    public const string Name = "email";
}
