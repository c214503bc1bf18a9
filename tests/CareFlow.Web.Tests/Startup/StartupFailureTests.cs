using System.Diagnostics;

namespace CareFlow.Web.Tests.Startup;

/// <summary>Runs the real CareFlow.Web binary, because "one line and a non-zero exit" is about the process.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("careflow-startup-").FullName;

    [Theory]
    [InlineData("Smtp__Port", "abc", "Configuration error: Smtp:Port must be a number between 1 and 65535 (got \"abc\").")]
    [InlineData("Smtp__UseStartTls", "maybe", "Configuration error: Smtp:UseStartTls must be true or false (got \"maybe\").")]
    [InlineData("ConnectionStrings__CareFlow", "Host=db;Password=hunter2;Port=x", "Configuration error: ConnectionStrings:CareFlow has an invalid value for \"port\" (got \"x\").")]
    public async Task Start_ExitsWithOneLine_WhenASettingIsMalformed(string variable, string value, string expected)
    {
        var (exitCode, stdout, stderr) = await RunAsync(variable, value);

        Assert.NotEqual(0, exitCode);
        Assert.Equal(expected, stderr.TrimEnd('\n'));
        Assert.Equal(string.Empty, stdout);
        Assert.DoesNotContain("hunter2", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_workingDirectory));
    }

    [Fact]
    public async Task Start_ExitsWithOneLine_WhenSmtpIsConfiguredWithoutAPublicBaseUrl()
    {
        var (exitCode, stdout, stderr) = await RunAsync(("Smtp__Host", "mail.example.org"), ("Smtp__From", "careflow@example.org"));

        Assert.NotEqual(0, exitCode);
        Assert.Equal("Configuration error: Email:PublicBaseUrl is required when Smtp:Host is set: links in emails must use CareFlow's public address (e.g. https://careflow.example.org).", stderr.TrimEnd('\n'));
        Assert.Equal(string.Empty, stdout);
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string variable, string value) => RunAsync((variable, value));

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params (string Variable, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CareFlow.Web.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var (variable, value) in environment)
            start.Environment[variable] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("CareFlow.Web kept running with a malformed setting; it must exit.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);
}
