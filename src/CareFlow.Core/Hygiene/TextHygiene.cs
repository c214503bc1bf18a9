namespace CareFlow.Core.Hygiene;

/// <summary>
/// The characters CareFlow refuses in text it receives: NUL and the other C0 and C1 control characters (tab, line
/// feed and carriage return only where free text allows line breaks), lone UTF-16 surrogates, and the Unicode bidi
/// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) that make text display differently from
/// what is stored. PostgreSQL cannot store NUL at all; the rest is refused so that what a coordinator sees is what is kept.
/// </summary>
public static class TextHygiene
{
    /// <summary>Why <paramref name="text"/> is refused, or null when it is acceptable.</summary>
    /// <param name="text">The text as received.</param>
    /// <param name="allowLineBreaks">True for free text (notes, descriptions): tab, LF and CR are kept.</param>
    public static string? Problem(string? text, bool allowLineBreaks = true)
    {
        if (string.IsNullOrEmpty(text)) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c)) return "Contains an unpaired UTF-16 surrogate (not valid Unicode text).";
            if (c == '\0') return "Contains a NUL character.";
            if (c is '\t' or '\n' or '\r')
            {
                if (allowLineBreaks) continue;
                return "Contains a tab or line break.";
            }

            if (char.IsControl(c)) return $"Contains the control character U+{(int)c:X4}.";
            if (IsBidiControl(c)) return $"Contains the bidirectional control character U+{(int)c:X4}.";
        }

        return null;
    }

    /// <summary>
    /// Why a name (a person's, an organisation's) is refused, or null: everything <see cref="Problem"/> refuses, and
    /// also line breaks, tabs, zero-width and directional marks (U+200B–U+200F, U+2028, U+2029, U+061C, U+FEFF),
    /// which hide or reorder characters in a name shown to others.
    /// </summary>
    public static string? NameProblem(string? name)
    {
        if (Problem(name, allowLineBreaks: false) is { } problem) return problem;
        if (string.IsNullOrEmpty(name)) return null;
        foreach (var c in name)
        {
            if (c is >= '\u200B' and <= '\u200F' or '\u2028' or '\u2029' or '\u061C' or '\uFEFF')
                return $"Contains the invisible formatting character U+{(int)c:X4}.";
        }

        return null;
    }

    /// <summary>True for U+202A–U+202E (embeddings, overrides, pop) and U+2066–U+2069 (isolates).</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
