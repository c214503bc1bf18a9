using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareFlow.Core.Audit;
using CareFlow.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Web.Tests.Security;

public sealed class HeadersAndAuditTests(CareFlowApp<SecurityApp> app) : IClassFixture<CareFlowApp<SecurityApp>>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> GetHtmlAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return await client.SendAsync(request, Cancel);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : "";

    [Fact]
    public async Task Pages_Api_Designer_AndHangfire_CarryTheSecurityHeaders()
    {
        using var anonymous = app.Anonymous();
        using var signInPage = await GetHtmlAsync(anonymous, "/account/sign-in");
        Assert.Equal("nosniff", Header(signInPage, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(signInPage, "Referrer-Policy"));
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Header(signInPage, "Content-Security-Policy"));

        using var cora = await app.SignInAsync("cora", Cancel);
        using var api = await cora.GetAsync("/api/cases", Cancel);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Contains("no-store", Header(api, "Cache-Control"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(api, "X-Content-Type-Options"));
        using var directory = await cora.GetAsync("/api/directory/services", Cancel);
        Assert.Contains("no-store", Header(directory, "Cache-Control"), StringComparison.Ordinal);

        // A page for a signed-in user is never cached.
        using var signedInPage = await GetHtmlAsync(cora, "/account/sign-in");
        Assert.Contains("no-store", Header(signedInPage, "Cache-Control"), StringComparison.Ordinal);

        // The designer's host page keeps the policy it sets itself, and still gets the other headers.
        using var designer = await GetHtmlAsync(cora, "/designer");
        Assert.Equal(HttpStatusCode.OK, designer.StatusCode);
        var designerCsp = Header(designer, "Content-Security-Policy");
        Assert.NotEqual(SecurityHeadersMiddleware.ContentSecurityPolicy, designerCsp);
        Assert.Contains("frame-ancestors", designerCsp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(designer, "X-Content-Type-Options"));

        // Hangfire's dashboard (admin) renders inline styles and scripts: it gets its own, otherwise equally strict, policy.
        using var ada = await app.SignInAsync("ada", Cancel);
        using var hangfire = await GetHtmlAsync(ada, "/hangfire");
        Assert.Equal(HttpStatusCode.OK, hangfire.StatusCode);
        var hangfireHtml = await hangfire.Content.ReadAsStringAsync(Cancel);
        // Its bundled Chart.js adds a <style> element at run time, hence style-src 'unsafe-inline'; scripts stay 'self' only.
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>\\s*[^<\\s]", hangfireHtml);
        Assert.Equal(SecurityHeadersMiddleware.HangfireContentSecurityPolicy, Header(hangfire, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Reads_Denials_AndPolicyRefusals_AreAudited_WithIdsOnly()
    {
        // An API-key caller registers a client on cora's caseload.
        using var key = app.CreateApiClient();
        using var intake = await key.PostAsJsonAsync("/api/clients/intake", new
        {
            givenName = "Iris", familyName = "Quill", dateOfBirth = "1979-03-04", phone = "555-123-4567", coordinatorId = "cora",
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, intake.StatusCode);
        var body = (await intake.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        var caseId = (string)body["caseId"]!;

        using var cora = await app.SignInAsync("cora", Cancel);
        using var ben = await app.SignInAsync("ben", Cancel);
        using var read = await cora.GetAsync($"/api/cases/{caseId}", Cancel);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var denied = await ben.GetAsync($"/api/cases/{caseId}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        using var forbidden = await ben.GetAsync("/elsa/api/workflow-instances", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var adminOnly = await GetHtmlAsync(ben, "/admin/audit");
        Assert.Equal(HttpStatusCode.Forbidden, adminOnly.StatusCode);

        var rows = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Cancel));
        Assert.Contains(rows, e => e.Actor == "apikey" && e.Action == AuditActions.Change && e.Route == "/api/clients/intake" && e.Status == 201);
        var readRow = Assert.Single(rows, e => e.Actor == "cora" && e.Action == AuditActions.Read && e.TargetId == caseId);
        Assert.Equal("case", readRow.TargetType);
        Assert.Equal("/api/cases/{id:guid}", readRow.Route);
        Assert.Equal("GET", readRow.Method);
        Assert.Equal(200, readRow.Status);
        Assert.Contains(rows, e => e.Actor == "ben" && e.Action == AuditActions.Denied && e.TargetId == caseId && e.Status == 404);
        Assert.Contains(rows, e => e.Actor == "ben" && e.Action == AuditActions.Denied && e.Route == "/elsa/api/workflow-instances" && e.Status == 403);
        Assert.Contains(rows, e => e.Actor == "ben" && e.Action == AuditActions.Denied && e.Route == "/admin/audit" && e.Status == 403);
        // Ids only: the client's name never reaches the audit table.
        var leak = rows.FirstOrDefault(e => $"{e.Actor}|{e.TargetId}|{e.Route}|{e.TargetType}|{e.Method}".Contains("Quill", StringComparison.Ordinal));
        Assert.True(leak is null, $"Client name in audit row: {leak?.Actor}|{leak?.TargetId}|{leak?.Route}|{leak?.TargetType}|{leak?.Method}");

        // The audit page shows the rows to an admin, filtered by record id.
        using var ada = await app.SignInAsync("ada", Cancel);
        var page = await ada.GetStringAsync($"/admin/audit?target={caseId}", Cancel);
        Assert.Contains("denied", page, StringComparison.Ordinal);
        Assert.Contains("ben", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/elsa/api/workflow-instances", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditRows_CannotBeUpdatedOrDeleted_OnSqlite()
    {
        using var anonymous = app.Anonymous();
        using var failed = await Forms.PostSignInAsync(anonymous, "nobody", "x", null, Cancel);
        var update = await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor = 'someone-else'", Cancel)));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries", Cancel)));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(Cancel)));
    }
}
