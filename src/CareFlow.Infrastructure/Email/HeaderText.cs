namespace CareFlow.Infrastructure.Email;

/// <summary>Guards for values that become header lines.</summary>
internal static class HeaderText
{
    public static string Require(string value, string field)
    {
        if (value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{field} must not contain CR, LF or NUL (header injection).", field);
        }

        return value;
    }

    public static void RequireName(string name)
    {
        // RFC 5322 field-name: printable ASCII except ':' and space.
        if (name.Length == 0 || name.Any(c => c is < '!' or > '~' or ':'))
        {
            throw new ArgumentException($"'{HeaderTextEscape(name)}' is not a valid header name.", nameof(name));
        }
    }

    private static string HeaderTextEscape(string name) => name.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
