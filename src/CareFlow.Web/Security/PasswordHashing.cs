using Microsoft.AspNetCore.Identity;

namespace CareFlow.Web.Security;

/// <summary>
/// PBKDF2 password hashes in ASP.NET Core Identity's format (<see cref="PasswordHasher{TUser}"/>, V3), so
/// the hashes stay valid when [6/6] moves users into ASP.NET Core Identity.
/// </summary>
public static class PasswordHashing
{
    private static readonly PasswordHasher<CareFlowUserOptions> Hasher = new();

    /// <summary>A hash that never verifies, checked for unknown user names so they take as long as known ones.</summary>
    private static readonly string DummyHash = Hasher.HashPassword(new CareFlowUserOptions(), Guid.NewGuid().ToString());

    public static string Hash(string password) => Hasher.HashPassword(new CareFlowUserOptions(), password);

    /// <summary>Verifies in constant time for the hash; a missing user still pays for one verification.</summary>
    public static bool Verify(CareFlowUserOptions? user, string password)
    {
        if (user is null || string.IsNullOrEmpty(user.PasswordHash))
        {
            Hasher.VerifyHashedPassword(new CareFlowUserOptions(), DummyHash, password);
            return false;
        }
        try
        {
            return Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
