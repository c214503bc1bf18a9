using System.Net;

namespace CareFlow.Web.Tests.Security;

/// <summary>
/// A failed sign-in costs the same whatever the reason: an unknown user, a wrong password and a locked account each
/// verify one password hash, so their answer times cannot tell them apart. Counted on Identity's real hasher.
/// </summary>
public sealed class SignInCostTests(CareFlowApp<SecurityApp> app) : IClassFixture<CareFlowApp<SecurityApp>>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<int> VerificationsOfAsync(string userName, string password)
    {
        using var client = app.Anonymous();
        var before = app.Options.Hasher.Verifications;
        using var response = await Forms.PostSignInAsync(client, userName, password, null, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return app.Options.Hasher.Verifications - before;
    }

    [Fact]
    public async Task UnknownUser_WrongPassword_AndLockedAccount_EachVerifyOneHash()
    {
        Assert.Equal(1, await VerificationsOfAsync("nobody-at-all", "not-the-password-at-all"));
        Assert.Equal(1, await VerificationsOfAsync("ben", "not-the-password-at-all"));

        for (var i = 0; i < 5; i++)
            await VerificationsOfAsync("dana", "not-the-password-at-all");
        Assert.Equal(1, await VerificationsOfAsync("dana", "not-the-password-at-all"));
        Assert.Equal(1, await VerificationsOfAsync("dana", SecurityApp.Password));
    }
}
