using System.Globalization;
using System.Text;
using System.Text.Json;
using CareFlow.Core.Hygiene;

namespace CareFlow.Web.Hygiene;

/// <summary>
/// Walks a JSON document token by token and checks every property name and string value with
/// <see cref="TextHygiene.Problem"/>, keeping the JSON path (<c>$.answers['x'][0]</c>) of where it is. A string that
/// cannot be decoded (a lone <c>\ud800</c> escape, invalid UTF-8) is refused here, so no deserializer meets it later.
/// </summary>
internal static class JsonStrings
{
    /// <summary>The (JSON path, reason) of the first refused string, or null (also when the JSON is malformed).</summary>
    public static (string Path, string Message)? FindProblem(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        var path = new List<Segment>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(path);
                        path.Add(new Segment(reader.TokenType == JsonTokenType.StartArray, null, -1));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        path[^1] = path[^1] with { Name = null }; // a bad name is reported at its object's path
                        if (!TryDecode(ref reader, out var name, out var undecodable))
                            return (Render(path), "A property name " + undecodable);
                        if (TextHygiene.Problem(name, allowLineBreaks: false) is { } nameProblem)
                            return (Render(path), $"The property name '{Printable(name!)}' " + char.ToLowerInvariant(nameProblem[0]) + nameProblem[1..]);
                        path[^1] = path[^1] with { Name = name };
                        break;
                    case JsonTokenType.String:
                        Advance(path);
                        if (!TryDecode(ref reader, out var value, out var bad)) return (Render(path), "The string " + bad);
                        if (TextHygiene.Problem(value) is { } problem) return (Render(path), problem);
                        break;
                    default:
                        Advance(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static bool TryDecode(ref Utf8JsonReader reader, out string? text, out string? problem)
    {
        problem = null;
        try
        {
            text = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            problem = "is not valid Unicode text (a lone UTF-16 surrogate escape or invalid UTF-8).";
            return false;
        }
    }

    /// <summary>A value inside an array moves the index on; inside an object the property name already says where.</summary>
    private static void Advance(List<Segment> path)
    {
        if (path.Count > 0 && path[^1].IsArray) path[^1] = path[^1] with { Index = path[^1].Index + 1 };
    }

    private static string Render(List<Segment> path)
    {
        var text = new StringBuilder("$");
        foreach (var segment in path)
        {
            if (segment.IsArray)
            {
                if (segment.Index >= 0) text.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (segment.Name is { } name)
            {
                if (name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0])) text.Append('.').Append(name);
                else text.Append("['").Append(Printable(name).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return text.ToString();
    }

    /// <summary>The name with refused characters shown as <c>\uXXXX</c>, so the problem text itself stays clean.</summary>
    private static string Printable(string name)
    {
        var text = new StringBuilder(Math.Min(name.Length, 100));
        foreach (var c in name.Length > 100 ? name[..100] : name)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || TextHygiene.IsBidiControl(c)) text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else text.Append(c);
        }

        return text.ToString();
    }

    private sealed record Segment(bool IsArray, string? Name, int Index);
}
