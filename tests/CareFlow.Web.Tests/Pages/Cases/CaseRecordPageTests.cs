using System.Net;
using CareFlow.Core.Care.Advocacy;
using CareFlow.Core.Care.Barriers;

namespace CareFlow.Web.Tests.Pages.Cases;

/// <summary>The case page's advocacy and barrier forms: entries land on the timeline under the coordinator's name; errors sit next to the field; another caseload gets 404.</summary>
[Collection(CoordinatorPagesCollectionDefinition.Name)]
public sealed class CaseRecordPageTests(CareFlowApp<CoordinatorPagesApp> app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdvocacyNote_AppearsOnTheTimeline_UnderTheCoordinatorsName()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var caseId = await CoordinatorPages.IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Nora", ["Input.FamilyName"] = "Noted", ["Input.DateOfBirth"] = "1984-03-08" });
        var page = $"/cases/{caseId}";
        var before = await app.CountAsync<AdvocacyEntry>();

        using var added = await Forms.PostFormAsync(ann, page, page + "?handler=Advocacy",
            new Dictionary<string, string> { ["Advocacy.Kind"] = "EmotionalSupport", ["Advocacy.Note"] = "Sat with the client before the housing interview." }, Ct);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(before + 1, await app.CountAsync<AdvocacyEntry>());
        var html = await ann.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        var row = TimelineRow(html, "Sat with the client before the housing interview.");
        Assert.Contains("Advocacy (Emotional support)", row, StringComparison.Ordinal);
        Assert.Contains($"by {CoordinatorPagesApp.Ann}", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Barrier_AppearsOnTheTimeline_UnderTheCoordinatorsName()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var caseId = await CoordinatorPages.IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Bea", ["Input.FamilyName"] = "Blocked", ["Input.DateOfBirth"] = "1990-07-21" });
        var page = $"/cases/{caseId}";
        var before = await app.CountAsync<AccessBarrier>();

        using var unknownService = await Forms.PostFormAsync(ann, page, page + "?handler=Barrier",
            new Dictionary<string, string> { ["Barrier.Category"] = "Cost", ["Barrier.CostAmount"] = "40", ["Barrier.ServiceId"] = "no-such-service", ["Barrier.Description"] = "Intake fee too high." }, Ct);
        Assert.Equal(HttpStatusCode.OK, unknownService.StatusCode);
        Assert.Contains("Unknown directory service", CoordinatorPages.FieldError(await unknownService.Content.ReadAsStringAsync(Ct), "Barrier.ServiceId"), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync<AccessBarrier>());

        using var recorded = await Forms.PostFormAsync(ann, page, page + "?handler=Barrier",
            new Dictionary<string, string> { ["Barrier.Category"] = "Cost", ["Barrier.CostAmount"] = "40", ["Barrier.Description"] = "Intake fee too high; asked the clinic for a sliding scale." }, Ct);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(before + 1, await app.CountAsync<AccessBarrier>());
        var row = TimelineRow(await ann.GetStringAsync(new Uri(page, UriKind.Relative), Ct), "Intake fee too high; asked the clinic for a sliding scale.");
        Assert.Contains("Barrier (Cost, 40.00 USD)", row, StringComparison.Ordinal);
        Assert.Contains($"by {CoordinatorPagesApp.Ann}", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_ShowTheErrorNextToTheField_AndWriteNothing_OnBadInput()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var caseId = await CoordinatorPages.IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Ezra", ["Input.FamilyName"] = "Empty", ["Input.DateOfBirth"] = "1972-12-01" });
        var page = $"/cases/{caseId}";
        var advocacy = await app.CountAsync<AdvocacyEntry>();
        var barriers = await app.CountAsync<AccessBarrier>();

        using var noNote = await Forms.PostFormAsync(ann, page, page + "?handler=Advocacy", new Dictionary<string, string> { ["Advocacy.Kind"] = "Navigation", ["Advocacy.Note"] = "  " }, Ct);
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Equal("Say what was done.", CoordinatorPages.FieldError(await noNote.Content.ReadAsStringAsync(Ct), "Advocacy.Note"));

        using var badKind = await Forms.PostFormAsync(ann, page, page + "?handler=Advocacy", new Dictionary<string, string> { ["Advocacy.Kind"] = "Bribery", ["Advocacy.Note"] = "Something." }, Ct);
        Assert.Equal(HttpStatusCode.OK, badKind.StatusCode);
        Assert.NotEmpty(CoordinatorPages.FieldError(await badKind.Content.ReadAsStringAsync(Ct), "Advocacy.Kind"));

        using var undefinedKind = await Forms.PostFormAsync(ann, page, page + "?handler=Advocacy", new Dictionary<string, string> { ["Advocacy.Kind"] = "99", ["Advocacy.Note"] = "Something." }, Ct);
        Assert.Equal(HttpStatusCode.OK, undefinedKind.StatusCode);
        Assert.NotEmpty(CoordinatorPages.FieldError(await undefinedKind.Content.ReadAsStringAsync(Ct), "Advocacy.Kind"));

        using var noCategory = await Forms.PostFormAsync(ann, page, page + "?handler=Barrier", new Dictionary<string, string> { ["Barrier.Description"] = "Waitlist of six months." }, Ct);
        Assert.Equal(HttpStatusCode.OK, noCategory.StatusCode);
        Assert.Equal("Choose the kind of barrier.", CoordinatorPages.FieldError(await noCategory.Content.ReadAsStringAsync(Ct), "Barrier.Category"));

        Assert.Equal(advocacy, await app.CountAsync<AdvocacyEntry>());
        Assert.Equal(barriers, await app.CountAsync<AccessBarrier>());
    }

    [Fact]
    public async Task AnotherCoordinatorsCase_Answers404_AndWritesNothing()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        using var ben = await app.SignInAsync(CoordinatorPagesApp.Ben, Ct);
        var caseId = await CoordinatorPages.IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Pia", ["Input.FamilyName"] = "Private", ["Input.DateOfBirth"] = "1981-05-05" });
        var advocacy = await app.CountAsync<AdvocacyEntry>();
        var barriers = await app.CountAsync<AccessBarrier>();

        // Ben takes a valid anti-forgery token from a page he may open and posts to Ann's case.
        using var note = await Forms.PostFormAsync(ben, "/clients/new", $"/cases/{caseId}?handler=Advocacy",
            new Dictionary<string, string> { ["Advocacy.Kind"] = "Navigation", ["Advocacy.Note"] = "Not my case." }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, note.StatusCode);
        using var barrier = await Forms.PostFormAsync(ben, "/clients/new", $"/cases/{caseId}?handler=Barrier",
            new Dictionary<string, string> { ["Barrier.Category"] = "Cost", ["Barrier.Description"] = "Not my case." }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, barrier.StatusCode);

        Assert.Equal(advocacy, await app.CountAsync<AdvocacyEntry>());
        Assert.Equal(barriers, await app.CountAsync<AccessBarrier>());
    }

    /// <summary>The timeline row (a table row) that holds <paramref name="text"/>, HTML-decoded.</summary>
    private static string TimelineRow(string html, string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        var timeline = html.IndexOf("<table class=\"timeline\">", StringComparison.Ordinal);
        Assert.True(timeline >= 0, "The page has no timeline.");
        var at = html.IndexOf(encoded, timeline, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is not on the page.");
        var start = html.LastIndexOf("<tr>", at, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(html[start..end]);
    }
}
