using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Npgsql;

namespace CareFlow.IntegrationTests.Rig;

/// <summary>
/// Proves the environment contract of scripts/test.sh with real clients: the PostgreSQL cluster
/// (including a crash and restart on the same port) and the SMTP server with its control API.
/// </summary>
[Collection(TestRigSerial.Name)]
public class TestRigTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Postgres_AnswersAsSuperuser_WhenUsingTheRigConnectionString()
    {
        await using var connection = new NpgsqlConnection(RequiredVariable("CAREFLOW_TEST_POSTGRES"));
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand("SELECT current_database(), current_setting('is_superuser'), current_setting('fsync')", connection);
        await using var reader = await command.ExecuteReaderAsync(Token);

        Assert.True(await reader.ReadAsync(Token));
        Assert.Equal(("careflow_test", "on", "on"), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));
    }

    [Fact]
    public async Task Postgres_KeepsCommittedRows_WhenCrashedAndRestartedOnTheSamePort()
    {
        var dataDir = Environment.GetEnvironmentVariable("CAREFLOW_TEST_PG_DATA");
        Assert.SkipWhen(string.IsNullOrEmpty(dataDir), "CAREFLOW_TEST_PG_DATA is not set: the cluster was not started by scripts/test.sh.");
        var connectionString = new NpgsqlConnectionStringBuilder(RequiredVariable("CAREFLOW_TEST_POSTGRES")) { Pooling = false }.ConnectionString;
        var table = "rig_crash_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(connectionString, $"CREATE TABLE {table} (id int PRIMARY KEY); INSERT INTO {table} VALUES (1)");

        await PgCtlAsync("-D", dataDir!, "stop", "-m", "immediate", "-w");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(connectionString, "SELECT 1"));
        await PgCtlAsync("-D", dataDir!, "-l", RequiredVariable("CAREFLOW_TEST_PG_LOG"), "-w", "-t", "60", "start");
        // The crash broke every pooled connection of this process, and the other tests of the assembly pooled some:
        // without this, the next test to open one gets "Exception while reading from stream".
        NpgsqlConnection.ClearAllPools();

        Assert.Equal(1L, await ExecuteAsync(connectionString, $"SELECT count(*) FROM {table}"));
        await ExecuteAsync(connectionString, $"DROP TABLE {table}");
    }

    [Fact]
    public async Task Smtp_StoresEachMessageAndReusesTheConnection_WhenTwoMessagesAreSentInOneSession()
    {
        using var control = await ResetSmtpAsync();
        var first = NewMessage();
        var second = NewMessage();

        using (var client = await ConnectSmtpAsync())
        {
            await client.SendAsync(first, Token);
            await client.SendAsync(second, Token);
            await client.DisconnectAsync(quit: true, Token);
        }

        var stored = await WaitForDumpFilesAsync(2);
        Assert.Equal([first.MessageId, second.MessageId], stored.Select(path => MimeMessage.Load(path, Token).MessageId));
        var messages = await control.GetFromJsonAsync<JsonElement>("messages", Token);
        Assert.Equal($"<{first.MessageId}>", messages[0].GetProperty("messageId").GetString());
        var stats = await control.GetFromJsonAsync<JsonElement>("stats", Token);
        Assert.Equal((1, 2), (stats.GetProperty("connections").GetInt32(), stats.GetProperty("messages").GetInt32()));
    }

    [Theory]
    [InlineData("tempfail", 451)]
    [InlineData("permfail", 550)]
    public async Task Smtp_RejectsOnceThenAccepts_WhenModeIsSetForOneMessage(string mode, int expectedStatus)
    {
        using var control = await ResetSmtpAsync();
        (await control.PostAsJsonAsync("mode", new { mode, count = 1 }, Token)).EnsureSuccessStatusCode();
        using var client = await ConnectSmtpAsync();

        var rejected = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(NewMessage(), Token));
        await client.SendAsync(NewMessage(), Token);

        Assert.Equal(expectedStatus, (int)rejected.StatusCode);
        Assert.Single(await WaitForDumpFilesAsync(1));
    }

    [Fact]
    public async Task Smtp_StoresTheMessageButNeverReplies_WhenModeIsDropAfterData()
    {
        using var control = await ResetSmtpAsync();
        (await control.PostAsJsonAsync("mode", new { mode = "drop-after-data", count = 1 }, Token)).EnsureSuccessStatusCode();
        using var client = await ConnectSmtpAsync();
        var message = NewMessage();

        var failure = await Record.ExceptionAsync(() => client.SendAsync(message, Token));

        Assert.NotNull(failure);
        Assert.IsNotType<SmtpCommandException>(failure);
        var stored = Assert.Single(await WaitForDumpFilesAsync(1));
        Assert.Equal(message.MessageId, MimeMessage.Load(stored, Token).MessageId);
    }

    [Fact]
    public async Task Smtp_RefusesThenAcceptsConnections_WhenListenerIsStoppedAndStarted()
    {
        using var control = await ResetSmtpAsync();

        (await control.PostAsync("stop-listening", null, Token)).EnsureSuccessStatusCode();
        await Assert.ThrowsAnyAsync<SocketException>(ConnectSmtpAsync);
        (await control.PostAsync("start-listening", null, Token)).EnsureSuccessStatusCode();
        using var client = await ConnectSmtpAsync();
        await client.SendAsync(NewMessage(), Token);

        Assert.Single(await WaitForDumpFilesAsync(1));
    }

    private static string RequiredVariable(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(value))
        {
            Assert.Fail($"{name} is not set. Run the tests with ./scripts/test.sh, which starts the test PostgreSQL and SMTP servers and sets it.");
        }

        return value;
    }

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Token);
    }

    private static async Task PgCtlAsync(params string[] arguments)
    {
        var pgCtl = Path.Combine(RequiredVariable("CAREFLOW_TEST_PG_BIN"), "pg_ctl");
        var user = RequiredVariable("CAREFLOW_TEST_PG_CTL_USER");
        var startInfo = Environment.UserName == user ? new ProcessStartInfo(pgCtl) : new ProcessStartInfo("runuser") { ArgumentList = { "-u", user, "--", pgCtl } };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.WorkingDirectory = Path.GetTempPath();
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var error = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        Assert.True(process.ExitCode == 0, $"pg_ctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
    }

    private static async Task<HttpClient> ResetSmtpAsync()
    {
        var control = new HttpClient(new RigControlHandler()) { BaseAddress = new Uri(RequiredVariable("CAREFLOW_TEST_SMTP_CONTROL").TrimEnd('/') + "/") };
        (await control.PostAsync("reset", null, Token)).EnsureSuccessStatusCode();
        return control;
    }

    private static async Task<SmtpClient> ConnectSmtpAsync()
    {
        var hostAndPort = RequiredVariable("CAREFLOW_TEST_SMTP").Split(':');
        var client = new SmtpClient { Timeout = 10_000 };
        try
        {
            await client.ConnectAsync(hostAndPort[0], int.Parse(hostAndPort[1], System.Globalization.CultureInfo.InvariantCulture), SecureSocketOptions.None, Token);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static MimeMessage NewMessage()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("referrals@careflow.example"));
        message.To.Add(MailboxAddress.Parse("provider@example.org"));
        message.Subject = "Rig check";
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("careflow.test");
        message.Body = new TextPart("plain") { Text = "Hello from the test rig.\n.\nA line with only a dot above." };
        return message;
    }

    private static async Task<string[]> WaitForDumpFilesAsync(int count)
    {
        var dump = RequiredVariable("CAREFLOW_TEST_SMTP_DUMP");
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var files = Directory.GetFiles(dump, "*.eml").Order(StringComparer.Ordinal).ToArray();
            if (files.Length >= count || stopwatch.Elapsed > Deadline)
            {
                return files;
            }

            await Task.Delay(50, Token);
        }
    }
}
