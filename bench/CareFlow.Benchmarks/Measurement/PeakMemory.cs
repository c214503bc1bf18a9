using System.Globalization;

namespace CareFlow.Benchmarks.Measurement;

/// <summary>Resident set size of this process, from /proc/self/status.</summary>
public static class PeakMemory
{
    /// <summary>VmHWM (peak resident set) and VmRSS (current), in MiB; NaN where /proc is missing.</summary>
    public static (double PeakMiB, double CurrentMiB) Read()
    {
        if (!File.Exists("/proc/self/status")) return (double.NaN, double.NaN);
        var lines = File.ReadAllLines("/proc/self/status");
        return (Field(lines, "VmHWM:"), Field(lines, "VmRSS:"));
    }

    private static double Field(string[] lines, string name)
    {
        var line = lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        if (line is null) return double.NaN;
        var kib = long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }
}
