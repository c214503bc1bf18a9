namespace CareFlow.Core.Care;

/// <summary>Business-day arithmetic for response deadlines (Saturday and Sunday are not business days).</summary>
public static class BusinessDays
{
    /// <summary>Adds whole business days; a start on a weekend counts from the next Monday at the same time of day.</summary>
    public static DateTimeOffset Add(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var result = start;
        while (IsWeekend(result)) result = result.AddDays(1);
        for (var added = 0; added < days;)
        {
            result = result.AddDays(1);
            if (!IsWeekend(result)) added++;
        }

        return result;
    }

    public static bool IsWeekend(DateTimeOffset at) => at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
