namespace CareFlow.Web.Tests.Architecture;

/// <summary>The checkout these tests run from: the folder above the test binaries that holds CareFlow.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

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
