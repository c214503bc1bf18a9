using CareFlow.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareFlow.IntegrationTests.Email;

/// <summary>
/// CareFlow on PostgreSQL (a fresh database) with SMTP to the test server and the test retry profile
/// (1 s × 2ⁿ capped at 60 s, one-second sweep); coordinator "casey" (ReferralFixture's cases) has an address, task
/// reminders 2 s before the due time. An admin signs in through the real form. Tests call <c>ResetAsync</c> first.
/// </summary>
public sealed class EmailApp : CareFlowAppOptions, IDisposable
{
    public const string PublicBaseUrl = "http://careflow.test";
    public const string AdminUser = "ada";
    public const string AdminPassword = "email-tests-admin-password";
    public const string CoordinatorAddress = "casey@careflow.test";

    public EmailApp()
    {
        Database = AppDatabase.FreshPostgres;
        DatabaseName = "email";
        DataDirectoryPrefix = "careflow-email-it";
        UseSmtp = true;
        SmtpFrom = "Referrals <referrals@careflow.test>";
        Settings["Smtp:Timeout"] = "00:00:05";
        Settings["Email:OrganizationName"] = "Northside Care Coordination";
        Settings["Email:PublicBaseUrl"] = PublicBaseUrl;
        Settings["Outbox:RetryBaseDelay"] = "00:00:01";
        Settings["Outbox:RetryMaxDelay"] = "00:01:00";
        Settings["Outbox:SweepInterval"] = "00:00:01";
        Settings["ProviderLinks:RequestsPerMinute"] = "1000";
        Settings["Email:CoordinatorAddresses:casey"] = CoordinatorAddress;
        Settings["Reminders:TaskDueLead"] = "00:00:02";
        Settings["Reminders:CheckInLead"] = "00:00:00";
        UserPassword = AdminPassword;
        SignInReturnUrl = "/admin/outbox";
        AddUsers((AdminUser, CareFlowRoles.Admin));
    }

    /// <summary>The same settings on a database and data folder the test made itself, without the admin (a restarted node, say).</summary>
    public static EmailApp On(string connectionString, string dataDirectory)
    {
        var options = new EmailApp { ConnectionString = connectionString, DataDirectory = dataDirectory };
        options.Users.Clear();
        return options;
    }

    /// <summary>The SMTP test server's control API.</summary>
    public SmtpControl Smtp { get; } = new();

    public void Dispose() => Smtp.Dispose();
}

/// <summary>What the email tests do to the app beside HTTP.</summary>
public static class EmailAppActions
{
    /// <summary>Resets the SMTP server and the database, then provisions the configured admin again, as start-up does.</summary>
    public static async Task ResetAsync(this CareFlowApp<EmailApp> app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Options.Smtp.ResetAsync(cancellationToken);
        await app.ResetDatabaseAsync(cancellationToken);
        var provisioner = app.Services.GetServices<IHostedService>().OfType<ConfiguredUserProvisioner>().Single();
        await provisioner.StartingAsync(cancellationToken);
    }

    /// <summary>A client holding the admin's session cookie, signed in through the real form.</summary>
    public static Task<HttpClient> SignInAdminAsync(this CareFlowApp<EmailApp> app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.SignInAsync(EmailApp.AdminUser, cancellationToken);
    }
}
