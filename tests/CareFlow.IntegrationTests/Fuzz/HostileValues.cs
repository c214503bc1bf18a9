namespace CareFlow.IntegrationTests.Fuzz;

/// <summary>Strings and numbers that have broken servers before: control and format characters, broken UTF-16, sizes, edges.</summary>
internal static class HostileValues
{
    public static readonly string[] Strings =
    [
        "", " ", "\t\r\n", "a\u0000b", "\u0000", "\ud800", "x\udc00y", "\u202Eevil\u202C", "\u2066isolate", "zero\u200Bwidth", "\uFEFFbom",
        "bell\u0007", "\u001B[31m", "\u0085nel", new string('x', 257), new string('y', 5_000), new string('z', 70_000),
        "'; DROP TABLE cases;--", "<script>alert(1)</script>", "../../etc/passwd", "%00", "%", "{{x}}", "${x}", "İıſK", "👩‍⚕️🏳️‍🌈",
        "null", "true", "-1", "1e309", "NaN", "0001-01-01", "9999-12-31T23:59:59Z", "00000000-0000-0000-0000-000000000000",
    ];

    /// <summary>Numbers in JSON text form: boundaries of int, long and double, fractions, exponents.</summary>
    public static readonly string[] Numbers =
    [
        "0", "-0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "1.5", "-0.0001", "1e308", "-1e308", "1e-400", "123456789012345678901234567890",
    ];

    /// <summary>Integers that no CareFlow enum defines.</summary>
    public static readonly string[] UndefinedEnumNumbers = ["-1", "99", "2147483647", "-2147483648"];
}
