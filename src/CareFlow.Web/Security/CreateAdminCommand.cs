using System.Text;
using CareFlow.Core.Audit;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace CareFlow.Web.Security;

/// <summary>
/// <c>dotnet run --project src/CareFlow.Web -- create-admin &lt;userName&gt;</c> (published: <c>CareFlow.Web create-admin
/// &lt;userName&gt;</c>): the one-time way to the first administrator. Uses the configured database (the same settings
/// as the app), applies pending migrations, reads the password from standard input (never from the command line),
/// refuses an existing user name, and enforces the password rules. The user, the role and the audit row commit in one
/// transaction.
/// </summary>
/// <remarks>
/// Exit codes: 0 created; 2 usage error, no password, or a configuration error; 3 the user already exists;
/// 4 the user name or password breaks the rules; 1 anything else (the database unreachable, say).
/// </remarks>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public const int Created = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Exists = 3;
    public const int Rejected = 4;

    /// <summary>
    /// The command's arguments when <paramref name="args"/> asks for it (after the <c>--contentRoot &lt;dir&gt;</c> pair
    /// <c>dotnet run</c> puts first, see CareFlow.Web.csproj), or null.
    /// </summary>
    public static (string[] HostArgs, string[] CommandArgs)? Match(string[] args)
    {
        var skip = args.Length >= 2 && args[0] == "--contentRoot" ? 2 : 0;
        if (args.Length <= skip || args[skip] != Name)
            return null;
        return (args[..skip], args[(skip + 1)..]);
    }

    /// <summary>Runs the command against <paramref name="services"/> (a built, not started, host); returns the exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] commandArgs, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (commandArgs.Length != 1 || string.IsNullOrWhiteSpace(commandArgs[0]) || commandArgs[0].StartsWith('-'))
        {
            await error.WriteLineAsync($"Usage: {Name} <userName>   (the password is read from standard input)");
            return Usage;
        }
        var userName = commandArgs[0].Trim();
        if (ReferenceEquals(input, Console.In) && !Console.IsInputRedirected)
            await error.WriteAsync($"Password for {userName} (at least 12 characters): ");
        var password = ReferenceEquals(input, Console.In) && !Console.IsInputRedirected ? ReadHidden() : await input.ReadLineAsync(cancellationToken);
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("No password given on standard input; nothing was created.");
            return Usage;
        }

        await CareFlowDatabase.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        await ConfiguredUserProvisioner.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        if (await users.FindByNameAsync(userName) is not null)
        {
            await error.WriteLineAsync($"User '{userName}' already exists; nothing was changed. Use the Users page to manage it.");
            return Exists;
        }

        var user = new IdentityUser(userName);
        var problems = new List<string>();
        foreach (var validator in users.UserValidators)
            problems.AddRange(Errors(await validator.ValidateAsync(users, user)));
        foreach (var validator in users.PasswordValidators)
            problems.AddRange(Errors(await validator.ValidateAsync(users, user, password)));
        if (problems.Count > 0)
        {
            await error.WriteLineAsync("Not created:");
            foreach (var problem in problems)
                await error.WriteLineAsync("  " + problem);
            return Rejected;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
            created = await users.AddToRoleAsync(user, CareFlowRoles.Admin);
        if (!created.Succeeded)
        {
            await error.WriteLineAsync("Not created: " + string.Join(" ", Errors(created)));
            return Rejected;
        }
        AuditLog.Add(db, new AuditEntry
        {
            At = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            Actor = "create-admin",
            Action = AuditActions.UserAdmin,
            TargetType = "user",
            TargetId = userName,
            Route = Name,
            Method = "CLI",
            Status = 0,
            RemoteIp = null,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await output.WriteLineAsync($"Administrator '{userName}' created. Sign in at {SignInEndpoints.SignInPath}.");
        return Created;
    }

    private static IEnumerable<string> Errors(IdentityResult result) => result.Errors.Select(e => e.Description);

    /// <summary>Reads a line from the terminal without echoing it.</summary>
    private static string ReadHidden()
    {
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                    password.Length--;
                continue;
            }
            if (!char.IsControl(key.KeyChar))
                password.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return password.ToString();
    }
}
