using System.Data.Common;
using System.Net;
using System.Text;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Security;

/// <summary>
/// Every state-changing route, taken from the app's own endpoint list, refuses a request that carries the session
/// cookie and comes from another site (<c>Sec-Fetch-Site: cross-site</c>) with 403 problem+json, and nothing in the
/// database changes. Same-origin requests and API-key requests without the cookie are not refused.
/// </summary>
public sealed class CrossSiteTests(CareFlowApp<SecurityApp> app) : IClassFixture<CareFlowApp<SecurityApp>>
{
    private static readonly string[] StateChanging = ["POST", "PUT", "PATCH", "DELETE"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Every (method, concrete path) that can change state: minimal API routes by their methods, Razor Pages as POST.</summary>
    private List<(string Method, string Path)> StateChangingRoutes()
    {
        var routes = new List<(string, string)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var changing = methods is null or { Count: 0 } ? ["POST"] : methods.Where(m => StateChanging.Contains(m, StringComparer.OrdinalIgnoreCase)).ToArray();
            foreach (var method in changing)
                routes.Add((method, Concrete(endpoint.RoutePattern)));
        }
        return routes.Distinct().ToList();
    }

    private static string Concrete(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Sample(pattern, parameter),
                    _ => "",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string Sample(RoutePattern pattern, RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "")
            .Concat(pattern.ParameterPolicies.TryGetValue(parameter.Name, out var extra) ? extra.Select(p => p.Content ?? "") : []);
        return constraints.Any(c => c.StartsWith("guid", StringComparison.OrdinalIgnoreCase)) ? Guid.NewGuid().ToString()
            : constraints.Any(c => c.StartsWith("int", StringComparison.OrdinalIgnoreCase) || c.StartsWith("long", StringComparison.OrdinalIgnoreCase)) ? "1"
            : "x";
    }

    /// <summary>Row counts of every table: the database's state, as far as a refused request could have touched it.</summary>
    private async Task<string> FingerprintAsync()
    {
        return await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(Cancel);
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
                await using var reader = await list.ExecuteReaderAsync(Cancel);
                while (await reader.ReadAsync(Cancel)) tables.Add(reader.GetString(0));
            }
            var counts = new StringBuilder();
            foreach (var table in tables)
            {
                await using DbCommand count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                counts.Append(table).Append('=').Append(await count.ExecuteScalarAsync(Cancel)).Append(';');
            }
            return counts.ToString();
        });
    }

    [Fact]
    public async Task EveryStateChangingRoute_RefusesACrossSiteRequestWithTheSessionCookie_AndChangesNothing()
    {
        using var admin = await app.SignInAsync("ada", Cancel);
        var routes = StateChangingRoutes();
        Assert.Contains(routes, r => r.Path == SignInEndpoints.SignOutPath);
        Assert.Contains(routes, r => r.Method == "POST" && r.Path.StartsWith("/api/", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Method == "DELETE" || r.Method == "PUT");
        var before = await FingerprintAsync();

        var failures = new List<string>();
        foreach (var (method, path) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            request.Headers.Add("Sec-Fetch-Site", "cross-site");
            using var response = await admin.SendAsync(request, Cancel);
            if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{method} {path}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {routes.Count} routes were not refused:\n" + string.Join("\n", failures));
        Assert.Equal(before, await FingerprintAsync());
        using var stillSignedIn = await admin.GetAsync("/api/cases", Cancel);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task SameOriginSignOut_AndACrossSiteApiKeyRequest_AreNotRefused()
    {
        using var cora = await app.SignInAsync("cora", Cancel);
        var page = await cora.GetStringAsync("/", Cancel);
        using var signOut = new HttpRequestMessage(HttpMethod.Post, SignInEndpoints.SignOutPath) { Content = new FormUrlEncodedContent([new(Forms.TokenField, Forms.Token(page))]) };
        signOut.Headers.Add("Sec-Fetch-Site", "same-origin");
        using (var response = await cora.SendAsync(signOut, Cancel))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var apiKey = app.CreateApiClient();
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/clients") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        create.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var created = await apiKey.SendAsync(create, Cancel);
        Assert.NotEqual(HttpStatusCode.Forbidden, created.StatusCode);
    }
}
