using CareFlow.Core.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Email;

/// <summary>Reminders and escalations go to the address on the coordinator's account, else to the configured one.</summary>
[Collection(EmailCollectionDefinition.Name)]
public sealed class CoordinatorAddressBookTests(CareFlowApp<EmailApp> app)
{
    [Fact]
    public async Task AccountEmail_WinsOverConfiguration_AndConfigurationCoversAccountsWithoutOne()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await app.ResetAsync(cancellationToken);
        await app.WithDbAsync(async (services, _) =>
        {
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.CreateAsync(new IdentityUser("Jordan") { Email = "jordan.account@careflow.test" })).Succeeded);
            Assert.True((await users.CreateAsync(new IdentityUser("casey"))).Succeeded);
            return 0;
        });

        var found = await app.WithDbAsync(async (services, _) =>
        {
            var book = services.GetRequiredService<ICoordinatorAddressBook>();
            return (casey: await book.FindAsync("casey", cancellationToken),
                jordan: await book.FindAsync("jordan", cancellationToken),
                nobody: await book.FindAsync("nobody", cancellationToken));
        });

        // "Jordan" has an address on the account (looked up by user name, case-insensitively); "casey" has none there,
        // so the fixture's Email:CoordinatorAddresses:casey answers; "nobody" has neither.
        Assert.Equal("jordan.account@careflow.test", found.jordan);
        Assert.Equal(EmailApp.CoordinatorAddress, found.casey);
        Assert.Null(found.nobody);
    }
}
