using Microsoft.AspNetCore.Identity;

namespace CareFlow.Web.Security;

/// <summary>
/// Hashes for <c>CareFlow:Users:n:PasswordHash</c>. They are ASP.NET Core Identity's own format
/// (<see cref="PasswordHasher{TUser}"/> V3: PBKDF2-HMAC-SHA512, 100,000 iterations, default options), made by the very
/// hasher the Identity stores use, so a configured hash is copied into the user's row unchanged and verified by
/// <see cref="UserManager{TUser}"/> like any other.
/// </summary>
public static class PasswordHashing
{
    private static readonly PasswordHasher<IdentityUser> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(new IdentityUser(), password);
}
