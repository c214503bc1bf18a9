namespace CareFlow.Testing;

/// <summary>The checkout these tests run from: the folder above the test binaries that holds CareFlow.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The folder holding CareFlow.sln.</summary>
    public static string Path => Root.Value;

    /// <summary>A path under the repository root, e.g. <c>Combine("workflows")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CareFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder containing CareFlow.sln above {AppContext.BaseDirectory}.");
    }
}
