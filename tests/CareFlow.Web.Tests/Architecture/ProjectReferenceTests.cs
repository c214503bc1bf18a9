using System.Xml.Linq;

namespace CareFlow.Web.Tests.Architecture;

/// <summary>
/// Web → Infrastructure → Core → Workflows, with Web also allowed to use Core; nothing points back
/// (docs/architecture.md). Test projects may reference only src projects.
/// </summary>
public class ProjectReferenceTests
{
    private static readonly Dictionary<string, string[]> AllowedReferences = new(StringComparer.Ordinal)
    {
        ["CareFlow.Web"] = ["CareFlow.Infrastructure", "CareFlow.Core"],
        ["CareFlow.Infrastructure"] = ["CareFlow.Core"],
        ["CareFlow.Core"] = ["CareFlow.Workflows"],
        ["CareFlow.Workflows"] = [],
    };

    public static TheoryData<string> SourceProjects => new(ProjectFiles("src").Select(Path.GetFileNameWithoutExtension)!);

    public static TheoryData<string> TestProjects => new(ProjectFiles("tests").Select(Path.GetFileNameWithoutExtension)!);

    [Fact]
    public void SourceProjects_AreExactlyTheKnownLayers_WhenDiscovered()
    {
        var found = ProjectFiles("src").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(AllowedReferences.Keys.Order(StringComparer.Ordinal), found);
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void ProjectReferences_PointOnlyInward_WhenProjectIsInSrc(string project)
    {
        var references = ReadReferences(Path.Combine(RepositoryRoot.Path, "src", project, project + ".csproj"));

        var violations = FindLayerViolations(project, references.Select(r => r.Name));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(TestProjects))]
    public void ProjectReferences_TargetOnlySrcProjects_WhenProjectIsATestProject(string project)
    {
        var srcFolder = Path.Combine(RepositoryRoot.Path, "src") + Path.DirectorySeparatorChar;
        var references = ReadReferences(Path.Combine(RepositoryRoot.Path, "tests", project, project + ".csproj"));

        var outsideSrc = references
            .Where(r => !r.FullPath.StartsWith(srcFolder, StringComparison.Ordinal))
            .Select(r => $"{project} → {r.Name} ({Path.GetRelativePath(RepositoryRoot.Path, r.FullPath)}): test projects may reference only projects under src/.")
            .ToList();

        Assert.True(outsideSrc.Count == 0, string.Join(Environment.NewLine, outsideSrc));
    }

    [Fact]
    public void FindLayerViolations_NamesTheBackwardsReference_WhenCoreReferencesInfrastructure()
    {
        var violations = FindLayerViolations("CareFlow.Core", ["CareFlow.Workflows", "CareFlow.Infrastructure"]);

        var violation = Assert.Single(violations);
        Assert.Contains("CareFlow.Core → CareFlow.Infrastructure", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void FindLayerViolations_ReportsTheProject_WhenItIsNotAKnownLayer()
    {
        var violations = FindLayerViolations("CareFlow.Reports", ["CareFlow.Core"]);

        var violation = Assert.Single(violations);
        Assert.Contains("CareFlow.Reports", violation, StringComparison.Ordinal);
    }

    private static List<string> FindLayerViolations(string project, IEnumerable<string> referencedProjects)
    {
        if (!AllowedReferences.TryGetValue(project, out var allowed))
        {
            return [$"{project} is not a known layer: add it to {nameof(ProjectReferenceTests)}.{nameof(AllowedReferences)} with the references it may have."];
        }

        var allowedText = allowed.Length == 0 ? "none" : string.Join(", ", allowed);
        return referencedProjects
            .Where(reference => !allowed.Contains(reference, StringComparer.Ordinal))
            .Select(reference => $"{project} → {reference} is not allowed (allowed from {project}: {allowedText}). "
                + "The direction is Web → Infrastructure → Core → Workflows, and Web → Core.")
            .ToList();
    }

    private static IEnumerable<string> ProjectFiles(string folder) =>
        Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Path, folder))
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.csproj"))
            .Order(StringComparer.Ordinal);

    private static List<(string Name, string FullPath)> ReadReferences(string csproj)
    {
        var projectDir = Path.GetDirectoryName(csproj)!;
        return XDocument.Load(csproj)
            .Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .Select(include => Path.GetFullPath(Path.Combine(projectDir, include.Replace('\\', Path.DirectorySeparatorChar))))
            .Select(fullPath => (Path.GetFileNameWithoutExtension(fullPath), fullPath))
            .ToList();
    }
}
