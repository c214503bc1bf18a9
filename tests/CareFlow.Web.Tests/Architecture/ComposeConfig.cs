namespace CareFlow.Web.Tests.Architecture;

/// <summary>
/// Reads the normalised YAML that <c>docker-compose config</c> prints (block style, two-space indents)
/// into slash-separated paths such as <c>services/postgres/healthcheck/test</c>. List items get a
/// <c>-</c> segment. Enough for asserting the shape of the file without a YAML package.
/// </summary>
public sealed class ComposeConfig
{
    private readonly List<(string Path, string? Value)> _entries = [];

    private ComposeConfig()
    {
    }

    public IReadOnlyList<(string Path, string? Value)> Entries => _entries;

    public static ComposeConfig Parse(string yaml)
    {
        var config = new ComposeConfig();
        var stack = new List<(int Indent, string Segment)>();
        foreach (var rawLine in yaml.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var indent = line.Length - line.TrimStart(' ').Length;
            var content = line[indent..];
            if (content.StartsWith('-'))
            {
                // A sequence item belongs to the nearest key at this indent or less (PyYAML writes indentless sequences).
                stack.RemoveAll(s => s.Indent > indent || (s.Indent == indent && s.Segment == "-"));
                stack.Add((indent, "-"));
                content = content[1..].TrimStart();
                indent += 2;
                if (content.Length == 0)
                {
                    continue;
                }

                if (!LooksLikeKey(content))
                {
                    config.Add(stack, Unquote(content));
                    continue;
                }
            }
            else
            {
                stack.RemoveAll(s => s.Indent >= indent);
            }

            var colon = content.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                config.Add(stack, Unquote(content));
                continue;
            }

            var key = Unquote(content[..colon]);
            var value = content[(colon + 1)..].Trim();
            stack.Add((indent, key));
            config.Add(stack, value.Length == 0 ? null : Unquote(value));
        }

        return config;
    }

    /// <summary>The keys directly under <paramref name="path"/>, e.g. the service names under "services".</summary>
    public IReadOnlyList<string> ChildKeys(string path)
    {
        var prefix = path + "/";
        return _entries
            .Where(e => e.Path.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => e.Path[prefix.Length..].Split('/')[0])
            .Where(segment => segment != "-")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The scalar items of the list at <paramref name="path"/>.</summary>
    public IReadOnlyList<string> ListItems(string path) =>
        _entries.Where(e => e.Path == path + "/-" && e.Value is not null).Select(e => e.Value!).ToList();

    public bool Has(string path) => _entries.Any(e => e.Path == path);

    public string? Value(string path) => _entries.LastOrDefault(e => e.Path == path).Value;

    private static bool LooksLikeKey(string content)
    {
        var colon = content.IndexOf(": ", StringComparison.Ordinal);
        var endsWithColon = content.EndsWith(':');
        return !content.StartsWith('"') && !content.StartsWith('\'') && (colon > 0 || endsWithColon)
            && !content[..(colon > 0 ? colon : content.Length - 1)].Contains(' ', StringComparison.Ordinal);
    }

    private static string Unquote(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length >= 2 && (trimmed[0] == '"' || trimmed[0] == '\'') && trimmed[^1] == trimmed[0]
            ? trimmed[1..^1]
            : trimmed;
    }

    private void Add(List<(int Indent, string Segment)> stack, string? value) =>
        _entries.Add((string.Join('/', stack.Select(s => s.Segment)), value));
}
