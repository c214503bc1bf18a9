using CareFlow.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Security;

/// <summary>
/// The embedded default (SQLite) with a fake clock, an API key and configured users: ada (admin), cora and ben
/// (coordinators), dana (designer), sam (supervisor). Session: idle 30 min, absolute 8 h, revalidation every minute.
/// </summary>
public sealed class SecurityApp : CareFlowAppOptions
{
    public const string ApiKey = "security-tests-key";
    public const string Password = "security-tests-password";

    public SecurityApp()
    {
        DataDirectoryPrefix = "careflow-security-tests";
        ClockStart = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        ConfiguredApiKey = ApiKey;
        DemoData = false;
        UserPassword = Password;
        AddUsers(("ada", CareFlowRoles.Admin), ("cora", CareFlowRoles.Coordinator), ("ben", CareFlowRoles.Coordinator),
            ("dana", CareFlowRoles.Designer), ("sam", CareFlowRoles.Supervisor));
    }

    /// <summary>The real Identity hasher, counting verifications.</summary>
    public CountingPasswordHasher Hasher { get; } = new();

    public override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IPasswordHasher<IdentityUser>>(Hasher);
}
