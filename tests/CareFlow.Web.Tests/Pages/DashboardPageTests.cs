using System.Net;

namespace CareFlow.Web.Tests.Pages;

/// <summary>The coordinator dashboard (/) is for signed-in users only.</summary>
[Collection(CoordinatorPagesCollectionDefinition.Name)]
public sealed class DashboardPageTests(CareFlowApp<CoordinatorPagesApp> app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_RedirectsToSignIn_WhenAnonymous()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
