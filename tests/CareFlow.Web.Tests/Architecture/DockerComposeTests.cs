using System.Diagnostics;

namespace CareFlow.Web.Tests.Architecture;

/// <summary>
/// docker-compose.yml is for people running CareFlow with Docker; the build machines have no Docker
/// engine, but docker-compose v1 can still validate and normalise the file.
/// </summary>
public class DockerComposeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // docker-compose is a Python program that takes seconds to start on a busy machine: normalise once.
    private static readonly Lazy<Task<(int ExitCode, string Stdout, string Stderr)>> NormalisedConfig =
        new(() => RunDockerComposeAsync(CancellationToken.None, "config"));

    private static string ComposeFile => Path.Combine(RepositoryRoot.Path, "docker-compose.yml");

    [Fact]
    public async Task Config_ExitsWithZero_WhenValidatingTheComposeFile()
    {
        var (exitCode, _, stderr) = await RunDockerComposeAsync(TestContext.Current.CancellationToken, "config", "-q");

        Assert.True(exitCode == 0, $"docker-compose config -q failed with exit code {exitCode}:{Environment.NewLine}{stderr}");
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("mailpit")]
    [InlineData("careflow")]
    public async Task Service_HasAHealthcheck_WhenConfigIsNormalised(string service)
    {
        var config = await LoadConfigAsync();

        Assert.Contains(service, config.ChildKeys("services"));
        Assert.True(config.Has($"services/{service}/healthcheck/test"), $"service {service} has no healthcheck test.");
    }

    [Fact]
    public async Task Postgres_KeepsItsDataInTheNamedVolume_WhenConfigIsNormalised()
    {
        var config = await LoadConfigAsync();

        Assert.Contains("pgdata", config.ChildKeys("volumes"));
        Assert.Contains(config.ListItems("services/postgres/volumes"), v => v.StartsWith("pgdata:/var/lib/postgresql/data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CareFlow_WaitsForHealthyDependencies_WhenConfigIsNormalised()
    {
        var config = await LoadConfigAsync();

        Assert.Equal("service_healthy", config.Value("services/careflow/depends_on/postgres/condition"));
        Assert.Equal("service_healthy", config.Value("services/careflow/depends_on/mailpit/condition"));
        var dataVolume = Assert.Single(config.ListItems("services/careflow/volumes"), v => v.Contains(":/data", StringComparison.Ordinal));
        Assert.Contains(dataVolume.Split(':')[0], config.ChildKeys("volumes"));
    }

    [Fact]
    public async Task CareFlow_ReadsThePasswordFromAVariable_WhenConfigIsNotInterpolated()
    {
        var (exitCode, stdout, stderr) = await RunDockerComposeAsync(TestContext.Current.CancellationToken, "config", "--no-interpolate");
        Assert.True(exitCode == 0, stderr);
        var config = ComposeConfig.Parse(stdout);

        Assert.Equal("${POSTGRES_PASSWORD:-change-me}", config.Value("services/postgres/environment/POSTGRES_PASSWORD"));
        Assert.EndsWith("Password=${POSTGRES_PASSWORD:-change-me}", config.Value("services/careflow/environment/ConnectionStrings__CareFlow"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadsNestedKeysAndIndentlessLists_WhenGivenNormalisedYaml()
    {
        const string yaml = """
            services:
              db:
                healthcheck:
                  test:
                  - CMD-SHELL
                  - pg_isready
                ports:
                - published: 8080
                  target: 8080
                volumes:
                - pgdata:/var/lib/postgresql/data:rw
            volumes:
              pgdata: {}
            """;

        var config = ComposeConfig.Parse(yaml);

        Assert.Equal(["db"], config.ChildKeys("services"));
        Assert.Equal(["CMD-SHELL", "pg_isready"], config.ListItems("services/db/healthcheck/test"));
        Assert.Equal("8080", config.Value("services/db/ports/-/target"));
        Assert.Equal(["pgdata:/var/lib/postgresql/data:rw"], config.ListItems("services/db/volumes"));
        Assert.Equal(["pgdata"], config.ChildKeys("volumes"));
    }

    private static async Task<ComposeConfig> LoadConfigAsync()
    {
        var (exitCode, stdout, stderr) = await NormalisedConfig.Value.WaitAsync(TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, $"docker-compose config failed with exit code {exitCode}:{Environment.NewLine}{stderr}");
        return ComposeConfig.Parse(stdout);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunDockerComposeAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var executable = FindOnPath("docker-compose");
        if (executable is null)
        {
            Assert.Fail("docker-compose is not on PATH. Install Debian's docker-compose package (./scripts/test.sh does) to validate docker-compose.yml.");
        }

        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in (string[])["-f", ComposeFile, .. arguments])
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
