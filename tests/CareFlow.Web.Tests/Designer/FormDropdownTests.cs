using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareFlow.Core.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Designer;

/// <summary>Studio's "Create coordinator task" offers the published forms (id → name) as a dropdown, read when Studio asks.</summary>
public sealed class FormDropdownTests(CareFlowApp<DesignerApp> app) : IClassFixture<CareFlowApp<DesignerApp>>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateCoordinatorTask_FormInput_ListsThePublishedForms_WithANoFormChoice()
    {
        using var client = app.CreateApiClient();
        var published = "dd-" + Guid.NewGuid().ToString("N")[..8];
        var draftOnly = "dd-" + Guid.NewGuid().ToString("N")[..8];
        var before = await FormItemsAsync(client);
        await app.WithServicesAsync(async services =>
        {
            var forms = services.GetRequiredService<FormCatalog>();
            await forms.SaveDraftAsync(published, TaskFormSamples.Schema(published), null, "dana", Cancel);
            await forms.PublishAsync(published, null, "dana", Cancel);
            return await forms.SaveDraftAsync(draftOnly, TaskFormSamples.Schema(draftOnly), null, "dana", Cancel);
        });

        var after = await FormItemsAsync(client);

        Assert.DoesNotContain(before, i => i.Value == published);
        Assert.Equal(("(no form)", ""), after[0]);
        Assert.Contains(("Check-in notes " + published, published), after);
        Assert.DoesNotContain(after, i => i.Value == draftOnly);
    }

    private static async Task<List<(string Text, string Value)>> FormItemsAsync(HttpClient client)
    {
        var descriptors = await client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities", Cancel);
        var task = descriptors!["items"]!.AsArray().Single(d => (string?)d!["typeName"] == "CareFlow.CreateCoordinatorTask")!;
        var form = task["inputs"]!.AsArray().Single(i => (string?)i!["name"] == "Form")!;
        Assert.Equal("dropdown", (string?)form["uiHint"]);
        return [.. form["uiSpecifications"]!["dropdown"]!["selectList"]!["items"]!.AsArray().Select(i => ((string)i!["text"]!, (string)i["value"]!))];
    }
}
