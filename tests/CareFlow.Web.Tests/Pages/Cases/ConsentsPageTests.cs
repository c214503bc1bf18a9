using System.Net;
using System.Text.RegularExpressions;
using CareFlow.Core.Care.Consents;

namespace CareFlow.Web.Tests.Pages.Cases;

/// <summary>The consents page (/cases/{id}/consents): errors next to the fields with nothing saved, recording and revoking.</summary>
[Collection(CoordinatorPagesCollectionDefinition.Name)]
public sealed partial class ConsentsPageTests(CareFlowApp<CoordinatorPagesApp> app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Consent_ShowsErrorsNextToFields_AndSavesNothing_WhenIncomplete()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var caseId = await CoordinatorPages.IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Cara", ["Input.FamilyName"] = "Consent", ["Input.DateOfBirth"] = "1980-10-10" });
        var page = $"/cases/{caseId}/consents";
        var before = await app.CountAsync<Consent>();

        using var missing = await Forms.PostFormAsync(ann, page, page + "?handler=Record", new Dictionary<string, string> { ["Input.ExpiresOn"] = "garbage" }, Ct);
        var html = await missing.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Equal("A Part 2 consent must state its purpose.", CoordinatorPages.FieldError(html, "Input.Purpose"));
        Assert.Equal("A consent needs a signature.", CoordinatorPages.FieldError(html, "Input.SignedBy"));
        Assert.NotEmpty(CoordinatorPages.FieldError(html, "Input.ExpiresOn"));

        using var noRecipient = await Forms.PostFormAsync(ann, page, page + "?handler=Record", new Dictionary<string, string>(CoordinatorPages.ValidConsent()) { ["Input.RecipientEmail"] = "" }, Ct);
        Assert.Contains("must name its recipient", CoordinatorPages.FieldError(await noRecipient.Content.ReadAsStringAsync(Ct), "Input.RecipientOrganizationId"), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<Consent>());

        using var recorded = await Forms.PostFormAsync(ann, page, page + "?handler=Record", CoordinatorPages.ValidConsent(), Ct);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(before + 1, await app.CountAsync<Consent>());

        using var revokeUnknown = await Forms.PostFormAsync(ann, page, page + "?handler=Revoke",
            new Dictionary<string, string> { ["Revoke.ConsentId"] = Guid.NewGuid().ToString(), ["Revoke.Method"] = "oral" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, revokeUnknown.StatusCode);
        var consentId = ConsentIdField().Match(await ann.GetStringAsync(new Uri(page, UriKind.Relative), Ct)).Groups[1].Value;
        using var revokeWithoutMethod = await Forms.PostFormAsync(ann, page, page + "?handler=Revoke", new Dictionary<string, string> { ["Revoke.ConsentId"] = consentId }, Ct);
        Assert.Equal(HttpStatusCode.OK, revokeWithoutMethod.StatusCode);
        Assert.Contains("Say how the client revoked", await revokeWithoutMethod.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await app.CountAsync<Consent>(q => q.Where(c => c.RevokedAt != null)));
        using var revoked = await Forms.PostFormAsync(ann, page, page + "?handler=Revoke",
            new Dictionary<string, string> { ["Revoke.ConsentId"] = consentId, ["Revoke.Method"] = "oral, by phone" }, Ct);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(1, await app.CountAsync<Consent>(q => q.Where(c => c.RevokedAt != null)));
    }

    [GeneratedRegex("name=\"Revoke.ConsentId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ConsentIdField();
}
