using System.Text.RegularExpressions;

namespace CareFlow.Core.Email.Templates;

/// <summary>
/// Words that would reveal an addiction or substance-use service (42 CFR Part 2: even the fact of being a client is
/// protected). Provider emails must contain none of them, in any part.
/// </summary>
public static partial class SensitiveTerms
{
    /// <summary>The first sensitive term in <paramref name="text"/>, or null.</summary>
    public static string? Find(string? text) =>
        string.IsNullOrEmpty(text) ? null : Pattern().Match(text) is { Success: true } match ? match.Value : null;

    [GeneratedRegex(
        @"\b(addict\w*|substance\w*|sud|suds|rehab\w*|detox\w*|alcohol\w*|drugs?|opioids?|opiates?|heroin|fentanyl|methadone|buprenorphine|suboxone|naloxone|narcan|narcotics?|overdos\w*|sobriety|sober|recovery|chemical[\s-]+dependenc\w*|dependency|42\s*cfr|part\s*2|aa|na|mat|oud|aud)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Pattern();
}
