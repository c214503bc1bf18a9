using System.Diagnostics;
using System.Globalization;

namespace CareFlow.Benchmarks.Measurement;

/// <summary>
/// CPU time used so far by this process and by the PostgreSQL server's processes (the children of the postmaster
/// whose pid <see cref="Attach"/> was given; only when the server runs on this machine). Per-operation CPU tells
/// whether a scenario is bound by the CPU (2 shared cores) or by commits.
/// </summary>
public static class CpuClock
{
    private static int _postmaster;

    /// <summary>Finds the postmaster from one of its backends' pids (SELECT pg_backend_pid()).</summary>
    public static void Attach(int backendPid) => _postmaster = ParentOf(backendPid) ?? 0;

    public static bool HasServer => _postmaster != 0;

    public static double ProcessMs()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }

    /// <summary>utime + stime of every live child of the postmaster, in ms (NaN when the server is not local).</summary>
    public static double ServerMs()
    {
        if (_postmaster == 0) return double.NaN;
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var fields = Stat(pid);
            if (fields is null || fields.Length < 16 || fields[4] != _postmaster.ToString(CultureInfo.InvariantCulture)) continue;
            ticks += long.Parse(fields[14], CultureInfo.InvariantCulture) + long.Parse(fields[15], CultureInfo.InvariantCulture);
        }

        return ticks * 10.0; // USER_HZ is 100 on Linux
    }

    private static int? ParentOf(int pid) =>
        Stat(pid) is { Length: > 4 } fields && int.TryParse(fields[4], out var parent) ? parent : null;

    /// <summary>Fields of /proc/pid/stat after the command name (which may contain spaces), numbered as in proc(5) from 1.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            return ["", .. text[..(text.IndexOf('(', StringComparison.Ordinal))].Trim().Split(' '), "comm", .. text[(close + 2)..].Split(' ')];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
