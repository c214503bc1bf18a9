namespace CareFlow.BrowserTests;

/// <summary>Where the repository and the test artifacts are.</summary>
internal static class RepositoryPaths
{
    public static string Root() => FindRoot() ?? throw new InvalidOperationException("CareFlow.sln not found above " + AppContext.BaseDirectory);

    /// <summary><c>$CAREFLOW_TEST_ARTIFACTS</c>, else <c>test-artifacts/</c> at the repository root.</summary>
    public static string Artifacts() =>
        Environment.GetEnvironmentVariable("CAREFLOW_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(FindRoot() ?? Path.GetTempPath(), "test-artifacts");

    private static string? FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CareFlow.sln")))
            directory = directory.Parent;
        return directory?.FullName;
    }
}
