namespace CareFlow.Benchmarks.Measurement;

/// <summary>
/// Measures several scenarios at one concurrency in interleaved rounds (a, b, c, … , a, b, c, …), each scenario warmed
/// up first. Load from outside the bench (a shared machine) then falls on every scenario alike, so the ratios to (a)
/// stay meaningful even when absolute figures move.
/// </summary>
public static class Interleaved
{
    private static readonly TimeSpan SliceRamp = TimeSpan.FromMilliseconds(300);

    public static async Task<Dictionary<string, LoadResult>> RunAsync(
        int clients, BenchSettings settings, IReadOnlyList<(string Name, Func<int, Task> Operation)> scenarios, Action<string> progress)
    {
        foreach (var (name, operation) in scenarios)
        {
            progress($"warm-up {name}, {clients} client(s)");
            await LoadRunner.RunAsync(clients, settings.Warmup, TimeSpan.Zero, operation);
        }

        var samples = scenarios.ToDictionary(s => s.Name, _ => new List<LoadSample>());
        var slice = settings.Duration / settings.Rounds;
        for (var round = 1; round <= settings.Rounds; round++)
        {
            progress($"round {round}/{settings.Rounds}, {clients} client(s): {string.Join(", ", scenarios.Select(s => s.Name))}");
            foreach (var (name, operation) in scenarios) samples[name].Add(await LoadRunner.RunAsync(clients, SliceRamp, slice, operation));
        }

        return samples.ToDictionary(s => s.Key, s => LoadResult.From(s.Value));
    }
}
