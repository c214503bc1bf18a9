using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CareFlow.IntegrationTests.Care;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareFlow.IntegrationTests.Security;

/// <summary>Users signed in through the real form, and digests of the database, for caseload tests.</summary>
internal static partial class CaseloadRig
{
    public const string Password = "walk-test-password";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Creates <paramref name="userName"/> with <paramref name="roles"/>.</summary>
    public static async Task CreateUserAsync(CareFlowApp<CareApp> app, string userName, params string[] roles)
    {
        await app.WithServicesAsync(async services =>
        {
            await ConfiguredUserProvisioner.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser(userName);
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            foreach (var role in roles) Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return 0;
        });
    }

    /// <summary>A client holding <paramref name="userName"/>'s session cookie, signed in through the form.</summary>
    public static async Task<HttpClient> SignInAsync(CareFlowApp<CareApp> app, string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await Forms.PostSignInAsync(client, userName, Password, "/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// A digest of every row, in the care and workflow schemas, whose text mentions any of <paramref name="ids"/> (in
    /// either GUID format), the audit log aside (refusals are recorded there by design): any change by another
    /// caseload, or any new row that points at these records, shows.
    /// </summary>
    public static async Task<string> RowsMentioningAsync(CareFlowApp<CareApp> app, IEnumerable<string> ids)
    {
        var forms = ids.SelectMany(id => Guid.TryParse(id, out var g) ? new[] { g.ToString("D"), g.ToString("N") } : [id]).Distinct().ToList();
        var pattern = string.Join("|", forms.Select(Regex.Escape));
        await using var connection = await OpenAsync(app);
        var snapshot = new StringBuilder();
        foreach (var (schema, table) in await TablesAsync(connection))
        {
            if (table is "audit_entries") continue;
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{schema}\".\"{table}\" t WHERE t::text ~* @pattern", connection);
            command.Parameters.AddWithValue("pattern", pattern);
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            await reader.ReadAsync(Cancel);
            snapshot.Append(schema).Append('.').Append(table).Append(": ").Append(reader.GetInt64(0)).Append(' ').AppendLine(reader.GetString(1));
        }

        return snapshot.ToString();
    }

    /// <summary>One digest of every row of every care and workflow table but the audit log and the data-protection key ring.</summary>
    public static async Task<string> AllRowsAsync(CareFlowApp<CareApp> app)
    {
        await using var connection = await OpenAsync(app);
        var parts = (await TablesAsync(connection)).Where(t => t.Table is not "audit_entries" and not "data_protection_keys" and not "__ef_migrations_history")
            .Select(t => $"'{t.Schema}.{t.Table}:' || coalesce((SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM \"{t.Schema}\".\"{t.Table}\" x), '')");
        await using var command = new NpgsqlCommand($"SELECT concat_ws(E'\\n', {string.Join(", ", parts)})", connection);
        return (string)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private static async Task<NpgsqlConnection> OpenAsync(CareFlowApp<CareApp> app)
    {
        var connection = new NpgsqlConnection(app.Services.GetRequiredService<CareFlow.Infrastructure.Settings.InfrastructureSettings>().PostgresConnectionString);
        await connection.OpenAsync(Cancel);
        return connection;
    }

    private static async Task<List<(string Schema, string Table)>> TablesAsync(NpgsqlConnection connection)
    {
        var tables = new List<(string, string)>();
        await using var command = new NpgsqlCommand(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('careflow','workflows') AND table_type = 'BASE TABLE' ORDER BY 1, 2", connection);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel)) tables.Add((reader.GetString(0), reader.GetString(1)));
        return tables;
    }
}
