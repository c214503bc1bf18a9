namespace CareFlow.MigrationTool;

/// <summary>Finds src/CareFlow.Infrastructure from the working directory or, failing that, from the tool's own build output.</summary>
internal static class RepositoryPaths
{
    public static string InfrastructureProject()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CareFlow.sln")))
                {
                    return Path.Combine(dir.FullName, "src", "CareFlow.Infrastructure");
                }
            }
        }

        throw new InvalidOperationException("CareFlow.sln not found above the working directory; run the tool from inside the repository.");
    }
}
