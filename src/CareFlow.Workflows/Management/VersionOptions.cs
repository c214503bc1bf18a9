namespace CareFlow.Workflows.Management;

/// <summary>Elsa's version selector: Latest, Published, LatestOrPublished, LatestAndPublished, Draft, AllVersions, or a number.</summary>
public sealed record VersionOptions(string Kind, int? Version = null)
{
    /// <summary>The newest version.</summary>
    public static VersionOptions Latest { get; } = new("Latest");

    /// <summary>The published version.</summary>
    public static VersionOptions Published { get; } = new("Published");

    /// <summary>Every version.</summary>
    public static VersionOptions AllVersions { get; } = new("AllVersions");

    private static readonly string[] Kinds = ["Latest", "Published", "LatestOrPublished", "LatestAndPublished", "Draft", "AllVersions"];

    /// <summary>Parses a query value; null when it is not a known option or a positive version number.</summary>
    public static VersionOptions? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return number >= 1 ? new VersionOptions("Specific", number) : null;
        var kind = Kinds.FirstOrDefault(k => string.Equals(k, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return kind is null ? null : new VersionOptions(kind);
    }

    /// <summary>Whether a version matches.</summary>
    public bool Matches(StoredDefinition definition) => Kind switch
    {
        "Latest" => definition.IsLatest,
        "Published" => definition.IsPublished,
        "LatestOrPublished" => definition.IsLatest || definition.IsPublished,
        "LatestAndPublished" => definition.IsLatest && definition.IsPublished,
        "Draft" => !definition.IsPublished,
        "AllVersions" => true,
        _ => definition.Version == Version,
    };

    /// <summary>Picks the one version these options select from all versions of a definition.</summary>
    public StoredDefinition? Select(IEnumerable<StoredDefinition> versions) => Kind == "LatestOrPublished"
        ? versions.Where(v => v.IsPublished).MaxBy(v => v.Version) ?? versions.Where(v => v.IsLatest).MaxBy(v => v.Version)
        : versions.Where(Matches).MaxBy(v => v.Version);
}
