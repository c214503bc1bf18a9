namespace CareFlow.Benchmarks.Measurement;

/// <summary>The 1-minute load average, printed with the table: on a shared machine it says how much else was running.</summary>
public static class MachineLoad
{
    public static string Read() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
