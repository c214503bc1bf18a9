using System.Globalization;

namespace CareFlow.Web.Designer.Definitions;

/// <summary>Elsa's <c>versionOptions</c>: Latest, Published, LatestOrPublished, LatestAndPublished, Draft, AllVersions or a number.</summary>
public sealed record VersionSelector(string Kind, int? Version = null)
{
    public static readonly VersionSelector Latest = new("Latest");
    public static readonly VersionSelector Published = new("Published");
    public static readonly VersionSelector AllVersions = new("AllVersions");

    private static readonly string[] Kinds = ["Latest", "Published", "LatestOrPublished", "LatestAndPublished", "Draft", "AllVersions"];

    public static bool TryParse(string? text, VersionSelector fallback, out VersionSelector selector)
    {
        selector = fallback;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var kind = Kinds.FirstOrDefault(k => string.Equals(k, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (kind is not null)
        {
            selector = new VersionSelector(kind);
            return true;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            selector = new VersionSelector("Specific", version);
            return true;
        }
        return false;
    }

    public bool Matches(StoredDefinitionVersion v) => Kind switch
    {
        "Latest" => v.IsLatest,
        "Published" => v.IsPublished,
        "LatestOrPublished" => v.IsLatest || v.IsPublished,
        "LatestAndPublished" => v.IsLatest && v.IsPublished,
        "Draft" => !v.IsPublished,
        "AllVersions" => true,
        _ => v.Version == Version,
    };
}
