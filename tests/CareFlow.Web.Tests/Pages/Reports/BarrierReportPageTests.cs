using System.Net;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Directory;

namespace CareFlow.Web.Tests.Pages.Reports;

[Collection("pages")]
public sealed class BarrierReportPageTests(CareFlowApp<PagesApp> app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Seeds, in one month of its own (each test another): 4 cost barriers at "Harbor Food Pantry" (area Eastside) and 25 transport barriers with no service.</summary>
    private async Task SeedAsync(int month)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await app.SeedAsync(data =>
        {
            var org = new Organization { Id = "org-" + suffix, Name = "Harbor Org", UpdatedAt = DateTimeOffset.UtcNow };
            var service = new Service { Id = "svc-" + suffix, OrganizationId = org.Id, Name = "Harbor Food Pantry", Category = "food", UpdatedAt = DateTimeOffset.UtcNow };
            var location = new Location { Id = "loc-" + suffix, OrganizationId = org.Id, Name = "Main", Region = "Eastside" };
            data.Add(org);
            data.Add(service);
            data.Add(location);
            data.Add(new ServiceAtLocation { Id = "sal-" + suffix, ServiceId = service.Id, LocationId = location.Id });
            var @case = PagesApp.AddCase(data, PagesApp.Coordinator, "Zelda", "Quartermain");
            var at = new DateTimeOffset(2024, month, 10, 12, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < 4; i++)
                data.Add(new AccessBarrier { Id = Guid.NewGuid(), CaseId = @case.Id, Category = BarrierCategory.Cost, ServiceId = service.Id, Description = "Secret note about Zelda", RecordedAt = at, RecordedBy = "cora" });
            for (var i = 0; i < 25; i++)
                data.Add(new AccessBarrier { Id = Guid.NewGuid(), CaseId = @case.Id, Category = BarrierCategory.Transport, Description = "Bus note", RecordedAt = at.AddDays(1), RecordedBy = "cora" });
        }, Cancel);
    }

    [Fact]
    public async Task Page_ShowsSuppressedCountsChartsAndNoClientData_ForACoordinator()
    {
        await SeedAsync(3);
        using var client = await app.SignInAsync(PagesApp.OtherCoordinator, Cancel);
        var html = await client.GetStringAsync("/reports/barriers?From=2024-03-01&To=2024-03-31", Cancel);

        Assert.Contains("<th scope=\"row\">Harbor Food Pantry</th><td>&lt;11 (suppressed)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">cost</th><td>&lt;11 (suppressed)</td>", html, StringComparison.Ordinal);
        // Complementary suppression: transport (25) hides too, or total 29 - 25 would reveal the 4.
        Assert.Contains("<th scope=\"row\">transport</th><td>&lt;11 (suppressed)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Total</th><td>29</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Eastside</th><td>&lt;11 (suppressed)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-category-title\">Barriers by type</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Zelda", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret note", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>4</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>25</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_HasTheSameSuppression()
    {
        await SeedAsync(4);
        using var client = await app.SignInAsync(PagesApp.Supervisor, Cancel);
        using var response = await client.GetAsync("/reports/barriers.csv?From=2024-04-01&To=2024-04-30", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Cancel)).Split("\r\n");
        Assert.Contains("category,cost,<11", lines);
        Assert.Contains("category,transport,<11", lines);
        Assert.Contains("category,Total,29", lines);
        Assert.Contains("service,Harbor Food Pantry,<11", lines);
        Assert.DoesNotContain(lines, l => l.EndsWith(",4", StringComparison.Ordinal) || l.EndsWith(",25", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CategoryFilter_CountsOnlyThatType()
    {
        await SeedAsync(5);
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        var csv = await client.GetStringAsync("/reports/barriers.csv?From=2024-05-11&To=2024-05-11&Category=Transport", Cancel);
        Assert.Contains("category,transport,", csv, StringComparison.Ordinal);
        Assert.Contains("category,cost,0", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?From=not-a-date")]
    [InlineData("?Category=teleportation")]
    [InlineData("?From=2024-05-01&To=2024-04-01")]
    [InlineData("?From=9999-99-99")]
    public async Task GarbageFilters_AreFieldErrors_NeverA5xx(string query)
    {
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        using var page = await client.GetAsync("/reports/barriers" + query, Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("The filter could not be used", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var csv = await client.GetAsync("/reports/barriers.csv" + query, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
    }

    [Theory]
    [InlineData("/reports/barriers")]
    [InlineData("/reports/barriers.csv")]
    public async Task ControlCharacterInAFilter_IsRefusedWithAProblemNamingIt(string path)
    {
        using var client = await app.SignInAsync(PagesApp.Coordinator, Cancel);
        using var response = await client.GetAsync(path + "?From=2024-05-01&To=%00", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"To\"", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_RequiresSignIn()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/reports/barriers.csv", Cancel);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
