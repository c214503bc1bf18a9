using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CareFlow.Core.Care.Tasks;
using CareFlow.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Web.Tests.Pages.Cases;

/// <summary>
/// The case page's "Where the client is": after an intake, the intake workflow waits for the consent task; the page
/// names the step as the definition does (not its id), says what it waits for and since when, and links to the
/// instance (and, for a supervisor, to the designer's instance view). Another coordinator cannot see it.
/// </summary>
[Collection(CoordinatorPagesCollectionDefinition.Name)]
public sealed class CaseWhereaboutsPageTests(CareFlowApp<CoordinatorPagesApp> app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IntakeWaitingForConsent_ShowsStepWaitsForSinceAndLinks_ToItsCoordinatorOnly()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        var caseId = await CoordinatorPages.IntakeAsync(ann, new Dictionary<string, string> { ["Input.GivenName"] = "Wren", ["Input.FamilyName"] = "Where", ["Input.DateOfBirth"] = "1988-04-17" });

        // What the engine and the care record say: the consent task, the instance waiting for it, its bookmark.
        var task = await app.WithDbAsync(db => db.Set<CoordinatorTask>().AsNoTracking().SingleAsync(t => t.CaseId == caseId && t.Kind == CoordinatorTaskKind.RecordConsent, Ct));
        var instance = await app.WithDbAsync(db => db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync(i => i.Id == task.WorkflowInstanceId, Ct));
        var bookmark = await app.WithDbAsync(db => db.Set<BookmarkRecord>().AsNoTracking().SingleAsync(b => b.InstanceId == instance.Id && b.Name == "CareFlow.TaskCompleted", Ct));
        var step = DisplayTextInRepository(instance.DefinitionId, bookmark.ActivityId);
        Assert.NotEqual(bookmark.ActivityId, step);

        var html = await ann.GetStringAsync(new Uri($"/cases/{caseId}", UriKind.Relative), Ct);
        var block = Block(html);
        Assert.Contains($"Intake <span class=\"muted\">version {instance.Version}</span>", block, StringComparison.Ordinal);
        Assert.Contains($"<dt>{WebUtility.HtmlEncode(step)}</dt>", block, StringComparison.Ordinal);
        var waits = WebUtility.HtmlDecode(block);
        Assert.Contains($"Waits for a coordinator task \u201c{task.Title}\u201d due {At(task.DueAt)}, since {At(bookmark.CreatedAt)}", waits, StringComparison.Ordinal);
        Assert.DoesNotContain($"<dt>{bookmark.ActivityId}</dt>", block, StringComparison.Ordinal);
        Assert.Contains($"href=\"/instances/{instance.Id}\"", block, StringComparison.Ordinal);
        // A coordinator may not open the designer's instance view (403), so the page offers no dead link.
        Assert.DoesNotContain("/designer/workflows/instances/", block, StringComparison.Ordinal);

        using var sue = await app.SignInAsync(CoordinatorPagesApp.Sue, Ct);
        var supervisorBlock = Block(await sue.GetStringAsync(new Uri($"/cases/{caseId}", UriKind.Relative), Ct));
        Assert.Contains($"href=\"/instances/{instance.Id}\"", supervisorBlock, StringComparison.Ordinal);
        Assert.Contains($"href=\"/designer/workflows/instances/{instance.Id}/view\"", supervisorBlock, StringComparison.Ordinal);
        using var designerView = await sue.GetAsync(new Uri($"/designer/workflows/instances/{instance.Id}/view", UriKind.Relative), Ct);
        Assert.NotEqual(HttpStatusCode.Forbidden, designerView.StatusCode);

        using var ben = await app.SignInAsync(CoordinatorPagesApp.Ben, Ct);
        using var other = await ben.GetAsync(new Uri($"/cases/{caseId}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain(instance.Id, await other.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseWithoutARunningWorkflow_SaysSo()
    {
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        Guid caseId = Guid.Empty;
        await app.SeedAsync(data => caseId = PagesApp.AddCase(data, CoordinatorPagesApp.Ann, "Quiet", "Case").Id, Ct);

        var block = Block(await ann.GetStringAsync(new Uri($"/cases/{caseId}", UriKind.Relative), Ct));
        Assert.Contains("No workflow is running for this case.", block, StringComparison.Ordinal);
    }

    /// <summary>The "Where the client is" section of the page.</summary>
    private static string Block(string html)
    {
        var start = html.IndexOf("<section aria-labelledby=\"whereabouts\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The case page has no 'Where the client is' section.");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The designer's display text of <paramref name="activityId"/> in workflows/&lt;definitionId&gt;.json.</summary>
    private static string DisplayTextInRepository(string definitionId, string activityId)
    {
        var definition = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("workflows", definitionId + ".json")))!;
        var activity = definition["root"]!["activities"]!.AsArray().Single(a => (string?)a!["id"] == activityId)!;
        return (string?)activity["metadata"]?["displayText"] ?? (string)activity["name"]!;
    }
}
