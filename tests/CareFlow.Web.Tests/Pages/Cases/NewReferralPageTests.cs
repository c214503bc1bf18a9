using System.Net;
using CareFlow.Core.Care.Referrals;

namespace CareFlow.Web.Tests.Pages.Cases;

/// <summary>The new-referral page (/cases/{id}/referrals/new) names the service field and creates nothing without a valid service.</summary>
[Collection(CoordinatorPagesCollectionDefinition.Name)]
public sealed class NewReferralPageTests(CareFlowApp<CoordinatorPagesApp> app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Referral_NamesTheServiceField_AndCreatesNothing_WhenNoneOrAnUnknownOneIsChosen()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var caseId = await CoordinatorPages.IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Rafe", ["Input.FamilyName"] = "Referral", ["Input.DateOfBirth"] = "1992-12-12" });
        var page = $"/cases/{caseId}/referrals/new";
        var before = await app.CountAsync<Referral>();

        using var none = await Forms.PostFormAsync(ann, page, page, new Dictionary<string, string>(), Ct);
        Assert.Equal("Choose a service.", CoordinatorPages.FieldError(await none.Content.ReadAsStringAsync(Ct), "ServiceId"));
        using var unknown = await Forms.PostFormAsync(ann, page, page, new Dictionary<string, string> { ["ServiceId"] = new string('x', 300), ["NeedId"] = "not-a-guid" }, Ct);
        var html = await unknown.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.NotEmpty(CoordinatorPages.FieldError(html, "ServiceId"));
        Assert.Contains("is not valid for Need addressed", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<Referral>());
    }
}
