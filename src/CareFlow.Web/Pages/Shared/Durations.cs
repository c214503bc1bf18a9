using System.Globalization;

namespace CareFlow.Web.Pages.Shared;

/// <summary>"3 d 4 h left" / "overdue by 2 h": how far a deadline is, in words a busy coordinator reads at a glance.</summary>
internal static class Durations
{
    public static string Until(DateTimeOffset deadline, DateTimeOffset now)
    {
        var left = deadline - now;
        return left >= TimeSpan.Zero ? $"{Span(left)} left" : $"overdue by {Span(-left)}";
    }

    public static bool IsOverdue(DateTimeOffset deadline, DateTimeOffset now) => deadline < now;

    public static string Span(TimeSpan span) =>
        span.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span.Hours} h")
        : span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalMinutes)} min");

    public static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
