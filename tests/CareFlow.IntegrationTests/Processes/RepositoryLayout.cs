namespace CareFlow.IntegrationTests.Processes;

/// <summary>Finds the built CareFlow.Web host (under the repository's artifacts folder) and the folder for logs and histories.</summary>
internal static class RepositoryLayout
{
    /// <summary>Overrides the host to start (a published CareFlow.Web.dll, say).</summary>
    public const string WebDllVariable = "CAREFLOW_TEST_WEB_DLL";

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
            var path = RepositoryRoot.Combine("artifacts", "bin", "CareFlow.Web", configuration, "CareFlow.Web.dll");
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
}
