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
        if (args.Length == 0 || args[0] != "hash-password")
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
