namespace CareFlow.Benchmarks.Measurement;

/// <summary>Nearest-rank percentiles.</summary>
public static class Percentile
{
    public static double Of(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
