namespace CareFlow.Core.Care.Barriers.Reporting;

/// <summary>
/// Small-cell suppression for published counts. Primary: every count from 1 to <c>threshold - 1</c> is hidden.
/// Complementary: a total is published next to its parts, so a line (the parts and their total) with exactly one
/// hidden entry would give that entry away by subtraction; the smallest other non-zero entry of such a line is
/// hidden too, until every line hides none or at least two entries. Zeros are shown (no person is behind them).
/// </summary>
public static class SmallCountSuppression
{
    /// <summary>The suppression threshold: counts under 11 are not published.</summary>
    public const int Threshold = 11;

    /// <summary>Which entries to hide.</summary>
    /// <param name="values">Every published number: the cells and their totals.</param>
    /// <param name="lines">Each line lists the indices of entries tied by one sum (parts and their total).</param>
    /// <param name="threshold">Counts from 1 to threshold - 1 are hidden.</param>
    public static bool[] Apply(IReadOnlyList<int> values, IReadOnlyList<IReadOnlyList<int>> lines, int threshold = Threshold)
    {
        var hidden = values.Select(v => v > 0 && v < threshold).ToArray();
        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(i => hidden[i]) != 1) continue;
                var candidates = line.Where(i => !hidden[i] && values[i] > 0).OrderBy(i => values[i]).ThenBy(i => i).ToList();
                // A line whose only other entries are zeros: the hidden entry is then the total minus zeros, so
                // it equals the total, which is itself among the candidates unless it is the hidden one.
                if (candidates.Count == 0) continue;
                hidden[candidates[0]] = true;
                changed = true;
            }
        }
        while (changed);
        return hidden;
    }
}
