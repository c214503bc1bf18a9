namespace CareFlow.Web.Security;

/// <summary>
/// <c>dotnet run --project src/CareFlow.Web -- hash-password</c>: reads a password from standard input and
/// prints its hash for <c>CareFlow:Users:n:PasswordHash</c>. The password is never taken from the command line,
/// which would leave it in shell history and process listings.
/// </summary>
public static class PasswordHashCommand
{
    /// <summary>Runs the command when <paramref name="args"/> asks for it; returns false otherwise.</summary>
    public static bool TryRun(string[] args)
    {
        // Skips the "--contentRoot <dir>" pair that `dotnet run` puts first (see CareFlow.Web.csproj).
        var command = args.Length >= 2 && args[0] == "--contentRoot" ? args.Skip(2).FirstOrDefault() : args.FirstOrDefault();
        if (command != "hash-password")
            return false;
        if (!Console.IsInputRedirected)
            Console.Error.Write("Password: ");
        var password = Console.In.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("No password given on standard input.");
            Environment.ExitCode = 2;
            return true;
        }
        Console.Out.WriteLine(PasswordHashing.Hash(password));
        return true;
    }
}
