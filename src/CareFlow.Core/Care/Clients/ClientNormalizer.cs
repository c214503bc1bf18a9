using System.Globalization;
using System.Text;

namespace CareFlow.Core.Care.Clients;

/// <summary>Normalises names and contact details so that "José  O'Neil" and "jose oneil" match.</summary>
public static class ClientNormalizer
{
    public static string Name(string givenName, string familyName)
    {
        var decomposed = $"{givenName} {familyName}".Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetter(c)) builder.Append(char.ToLowerInvariant(c));
            else if (char.IsWhiteSpace(c) && builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
        }

        return builder.ToString().Trim();
    }

    /// <summary>Digits only, the last 10 kept so that a country prefix does not prevent a match.</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null : digits.Length > 10 ? digits[^10..] : digits;
    }

    public static string? Email(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}
