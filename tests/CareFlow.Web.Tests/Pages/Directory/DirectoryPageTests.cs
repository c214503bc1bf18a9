using System.Net;
using System.Text;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Directory;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Pages.Directory;

[Collection("pages")]
public sealed class DirectoryPageTests(CareFlowApp<PagesApp> app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<bool> OrganizationExistsAsync(string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<ICareData>();
        return await data.CountAsync(data.Query<Organization>().Where(o => o.Id == id), Cancel) > 0;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string? json, string tokenPage = "/directory/import")
    {
        var page = await client.GetStringAsync(tokenPage, Cancel);
        var token = Forms.TokenPair(page);
        using var form = new MultipartFormDataContent { { new StringContent(token.Value), token.Key } };
        if (json is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            file.Headers.ContentType = new("application/json");
            form.Add(file, "Upload", "directory.json");
        }

        return await client.PostAsync("/directory/import", form, Cancel);
    }

    private static string Org(string id, string status = "active", string region = "Westfield") => $$"""
        {"id":"{{id}}","name":"Org {{id}}","locations":[{"id":"{{id}}-loc","name":"Main","addresses":[{"address_1":"1 Main St","city":"Springfield","state_province":"{{region}}"}]}],
         "services":[{"id":"{{id}}-svc","name":"Pantry {{id}}","status":"{{status}}","category":"food","eligibility_description":"Anyone in {{region}}",
           "cost_options":[{"id":"{{id}}-cost","option":"Bag","amount":2,"currency":"USD"}],"service_at_locations":[{"location_id":"{{id}}-loc"}]}]}
        """;

    [Fact]
    public async Task Import_WithOneRefusedRecord_ImportsNothing_AndNamesTheJsonPath()
    {
        var good = "good-" + Guid.NewGuid().ToString("N")[..8];
        var bad = "bad-" + Guid.NewGuid().ToString("N")[..8];
        using var client = await app.SignInAsync(PagesApp.Supervisor, Cancel);
        using var response = await UploadAsync(client, $"[{Org(good)},{Org(bad, status: "closed-forever")}]");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("organizations[1].services[0].status: &#x27;closed-forever&#x27; is not an HSDS service status", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Imported", html, StringComparison.Ordinal);
        Assert.False(await OrganizationExistsAsync(good));
        Assert.False(await OrganizationExistsAsync(bad));
    }

    [Fact]
    public async Task Import_ThenBrowse_ShowsCostEligibilityAreaAndFreshness()
    {
        var id = "ok-" + Guid.NewGuid().ToString("N")[..8];
        using var client = await app.SignInAsync(PagesApp.Admin, Cancel);
        using var response = await UploadAsync(client, $$"""{"organizations":[{{Org(id, region: "Lakeshore-" + id)}}]}""");
        Assert.Contains("Imported 1 organizations, 1 services, 1 locations and 1 cost options.", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.True(await OrganizationExistsAsync(id));

        using var coordinator = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        var byOrg = await coordinator.GetStringAsync($"/directory?Q=ORG%20{id}", Cancel);
        Assert.Contains($"Pantry {id}", byOrg, StringComparison.Ordinal);
        Assert.Contains("<li>Bag: 2 USD</li>", byOrg, StringComparison.Ordinal);
        Assert.Contains($"<td>Anyone in Lakeshore-{id}</td>", byOrg, StringComparison.Ordinal);
        Assert.Contains($"<td>Lakeshore-{id}</td>", byOrg, StringComparison.Ordinal);
        Assert.DoesNotContain("Import an HSDS file", byOrg, StringComparison.Ordinal);
        var byArea = await coordinator.GetStringAsync($"/directory?Area=lakeshore-{id}", Cancel);
        Assert.Contains("1 service found.", byArea, StringComparison.Ordinal);
        var elsewhere = await coordinator.GetStringAsync($"/directory?Q={id}&Area=Nowhere", Cancel);
        Assert.Contains("0 services found.", elsewhere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browse_FlagsRecordsOlderThanSixMonths()
    {
        var id = "old-" + Guid.NewGuid().ToString("N")[..8];
        await app.SeedAsync(data =>
        {
            data.Add(new Organization { Id = id, Name = "Old Org " + id, UpdatedAt = DateTimeOffset.UtcNow.AddYears(-1) });
            data.Add(new Service { Id = id + "-svc", OrganizationId = id, Name = "Old Service " + id, UpdatedAt = DateTimeOffset.UtcNow.AddYears(-1) });
        }, Cancel);
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        var html = await client.GetStringAsync($"/directory?Q={id}", Cancel);
        Assert.Contains("Check: over 6 months old", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"organizations\": 7}")]
    [InlineData("[{\"name\": \"no id\"}]")]
    [InlineData(null)]
    public async Task Import_GarbageIsAFieldError_NeverA5xx(string? json)
    {
        using var client = await app.SignInAsync(PagesApp.Supervisor, Cancel);
        using var response = await UploadAsync(client, json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<span class=\"field-error field-validation-error\"", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_IsForbidden_ForCoordinators()
    {
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        using var page = await client.GetAsync("/directory/import", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var id = "denied-" + Guid.NewGuid().ToString("N")[..8];
        using var post = await UploadAsync(client, $"[{Org(id)}]", tokenPage: "/tasks");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(await OrganizationExistsAsync(id));
    }

    [Fact]
    public async Task Browse_WithOverlongInput_IsAFieldError_NeverA5xx()
    {
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        using var response = await client.GetAsync("/directory?Q=" + new string('x', 300) + "&IncludeInactive=banana", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
