using System.Net;
using System.Text.Json;
using CareFlow.Core.Email;
using CareFlow.Infrastructure.Email;
using CareFlow.IntegrationTests.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareFlow.IntegrationTests.Health;

[Collection(PostgresHostCollectionDefinition.Name)]
public sealed class PostgresHostHealthTests(CareFlowApp<PostgresHostApp> app)
{
    [Fact]
    public async Task Health_ReportsPostgresForEfAndHangfire_AndSmtpForEmail()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health", cancellationToken);

        var json = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        using var body = JsonDocument.Parse(json);
        var entries = body.RootElement.GetProperty("entries");
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("postgresql", entries.GetProperty("database").GetProperty("description").GetString());
        Assert.Equal("postgresql (schema hangfire)", entries.GetProperty("hangfire").GetProperty("description").GetString());
        Assert.Equal("postgresql", entries.GetProperty("hangfire").GetProperty("data").GetProperty("storage").GetString());
        Assert.StartsWith($"smtp {TestEnvironment.Smtp}", entries.GetProperty("email").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Password", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Startup_CreatesHangfireAndCareFlowSchemas_InTheSameDatabase()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('careflow', 'hangfire')", connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("careflow.data_protection_keys", tables);
        Assert.Contains("careflow.__ef_migrations_history", tables);
        Assert.Contains("hangfire.job", tables);
    }

    [Fact]
    public async Task DataProtection_KeepsItsKeysInPostgres()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("integration-test");

        Assert.Equal("hello", protector.Unprotect(protector.Protect("hello")));

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT xml FROM careflow.data_protection_keys", connection);
        var xml = (string?)await command.ExecuteScalarAsync(cancellationToken);
        Assert.NotNull(xml);
        Assert.StartsWith("<key id=", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailSender_FromTheHost_DeliversOverSmtp()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await app.ResetDatabaseAsync(cancellationToken);
        var sender = app.Services.GetRequiredService<IEmailSender>();
        var messageId = $"{Guid.NewGuid():N}@careflow.test";

        await sender.SendAsync(new EmailMessage(null, "provider@careflow.test", "Host delivery", "Body", null, messageId), cancellationToken);

        Assert.IsType<MailKitEmailSender>(sender);
        var received = await SmtpDump.WaitForAsync(TestEnvironment.SmtpDump!, messageId, TimeSpan.FromSeconds(15), cancellationToken);
        Assert.Equal("Host delivery", received.Subject);
    }
}
