using System.Net.Sockets;
using Npgsql;

namespace CareFlow.Testing;

/// <summary>
/// Every server address the integration tests use, in one place, each overridable by an environment variable
/// (./scripts/test.sh sets them for its throwaway servers). A missing server fails the test with a message naming
/// the server and the variable: never a skip.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "CAREFLOW_TEST_POSTGRES";
    public const string SmtpVariable = "CAREFLOW_TEST_SMTP";
    public const string SmtpDumpVariable = "CAREFLOW_TEST_SMTP_DUMP";
    public const string SmtpControlVariable = "CAREFLOW_TEST_SMTP_CONTROL";

    /// <summary>Npgsql connection string of a superuser; its database may be used freely.</summary>
    public static string Postgres => Read(PostgresVariable) ?? "Host=127.0.0.1;Port=5432;Username=postgres;Database=careflow_test";

    /// <summary>host:port of the SMTP test server.</summary>
    public static string Smtp => Read(SmtpVariable) ?? "127.0.0.1:2525";

    public static string SmtpHost => Smtp[..Smtp.LastIndexOf(':')];

    public static int SmtpPort => int.Parse(Smtp[(Smtp.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Folder where the SMTP test server writes one .eml per received message; no default.</summary>
    public static string? SmtpDump => Read(SmtpDumpVariable);

    /// <summary>HTTP control API of the SMTP test server (tests/tools/smtp_server.py); no default.</summary>
    public static string? SmtpControl => Read(SmtpControlVariable);

    public static async Task RequirePostgresAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(Postgres) { Timeout = 5 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable at {builder.Host}:{builder.Port} as {builder.Username} ({ex.Message}). " +
                $"Run ./scripts/test.sh, or set {PostgresVariable} to a superuser Npgsql connection string.", ex);
        }
    }

    public static async Task<string> RequireSmtpAsync(CancellationToken cancellationToken)
    {
        var dump = SmtpDump;
        if (string.IsNullOrEmpty(dump) || !Directory.Exists(dump))
        {
            throw new InvalidOperationException(
                $"The SMTP test server's dump folder is unknown or missing ({SmtpDumpVariable}={dump ?? "(unset)"}). " +
                $"Run ./scripts/test.sh, or start tests/tools/smtp_server.py and set {SmtpVariable} and {SmtpDumpVariable}.");
        }

        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await client.ConnectAsync(SmtpHost, SmtpPort, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"The SMTP test server is not reachable at {Smtp} ({ex.Message}). Run ./scripts/test.sh, or set {SmtpVariable}=host:port.", ex);
        }

        return dump;
    }

    private static string? Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}
