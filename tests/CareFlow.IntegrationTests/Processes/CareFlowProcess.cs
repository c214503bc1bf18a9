using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CareFlow.IntegrationTests.Processes;

/// <summary>
/// One CareFlow.Web host as a real operating-system process on a loopback port. Start waits until /health answers
/// 200; Kill is SIGKILL of the whole process tree (no graceful shutdown, nothing flushed). Start again after a kill
/// to restart on the same port. Output goes to one log file per start.
/// </summary>
public sealed class CareFlowProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _logFolder;
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private Process? _process;
    private StreamWriter? _log;
    private int _starts;

    public CareFlowProcess(string name, IReadOnlyDictionary<string, string> environment, string logFolder, int? port = null)
    {
        Name = name;
        _environment = environment;
        _logFolder = logFolder;
        Port = port ?? FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>The current process id, or null when not running.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>The log file of the latest start.</summary>
    public string? LogFile { get; private set; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the host and waits until /health answers 200 (migrations applied, Hangfire up).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (ProcessId is not null) throw new InvalidOperationException($"{Name} is already running.");
        var dll = RepositoryLayout.WebDll;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{Port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in _environment) info.Environment[key] = value;

        _starts++;
        LogFile = Path.Combine(_logFolder, $"{Name}-{_starts}.log");
        _log?.Dispose();
        _log = new StreamWriter(LogFile, append: false) { AutoFlush = true };
        var log = _log;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        if (!process.Start()) throw new InvalidOperationException($"{Name}: dotnet {dll} did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Write(log, $"### {DateTime.UtcNow:HH:mm:ss.fff} {Name} start #{_starts}: pid {process.Id}, {BaseAddress}");
        await WaitReadyAsync(process, cancellationToken);
    }

    /// <summary>SIGKILL, whole tree; returns once the process is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Write(_log, $"### {DateTime.UtcNow:HH:mm:ss.fff} {Name}: killed (SIGKILL)");
        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _probe.Dispose();
        _log?.Dispose();
    }

    private async Task WaitReadyAsync(Process process, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        string last = "no answer";
        while (deadline.Elapsed < ReadyTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} during start-up; see {LogFile}.");
            }

            try
            {
                using var response = await _probe.GetAsync(new Uri(BaseAddress, "health"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = $"/health answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "/health timed out";
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"{Name} was not ready within {ReadyTimeout.TotalSeconds} s ({last}); see {LogFile}.");
    }

    private static void Write(StreamWriter? log, string? line)
    {
        if (log is null || line is null) return;
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output that arrives after the test has finished with this process.
            }
        }
    }
}
