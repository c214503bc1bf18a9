namespace CareFlow.IntegrationTests.Processes;

/// <summary>Finds the repository and the built CareFlow.Web host from the test's own output folder.</summary>
internal static class RepositoryLayout
{
    /// <summary>Overrides the host to start (a published CareFlow.Web.dll, say).</summary>
    public const string WebDllVariable = "CAREFLOW_TEST_WEB_DLL";

    /// <summary>The folder holding CareFlow.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// artifacts/bin/CareFlow.Web/&lt;config&gt;/CareFlow.Web.dll for the configuration this test assembly was built in
    /// (the test project references the Web project, so building the tests builds it too).
    /// </summary>
    public static string WebDll
    {
        get
        {
            if (Environment.GetEnvironmentVariable(WebDllVariable) is { Length: > 0 } configured)
            {
                return File.Exists(configured) ? configured : throw new InvalidOperationException($"{WebDllVariable}={configured} does not exist.");
            }

            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Name;
            var path = Path.Combine(Root, "artifacts", "bin", "CareFlow.Web", configuration, "CareFlow.Web.dll");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"CareFlow.Web is not built at {path}; run `dotnet build CareFlow.sln -c {configuration}` or set {WebDllVariable}.");
        }
    }

    /// <summary>A folder for logs and histories: $CAREFLOW_TEST_ARTIFACTS/workflows/&lt;name&gt;, else a temporary folder.</summary>
    public static string ArtifactsFolder(string name)
    {
        var root = Environment.GetEnvironmentVariable("CAREFLOW_TEST_ARTIFACTS") is { Length: > 0 } artifacts
            ? Path.Combine(artifacts, "workflows")
            : Path.Combine(Path.GetTempPath(), "careflow-workflow-tests");
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareFlow.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No CareFlow.sln above {AppContext.BaseDirectory}.");
    }
}
