using CareFlow.Core.Care;

namespace CareFlow.Core.Tests.Care;

public sealed class BusinessDaysTests
{
    [Theory]
    [InlineData("2026-03-02T10:00:00Z", 2, "2026-03-04T10:00:00Z")] // Monday → Wednesday
    [InlineData("2026-03-05T10:00:00Z", 2, "2026-03-09T10:00:00Z")] // Thursday → Monday
    [InlineData("2026-03-06T16:00:00Z", 2, "2026-03-10T16:00:00Z")] // Friday → Tuesday
    [InlineData("2026-03-07T09:00:00Z", 2, "2026-03-11T09:00:00Z")] // Saturday counts from Monday → Wednesday
    [InlineData("2026-03-06T16:00:00Z", 1, "2026-03-09T16:00:00Z")] // Friday → Monday
    [InlineData("2026-03-04T10:00:00Z", 0, "2026-03-04T10:00:00Z")]
    public void Add_SkipsWeekends(string start, int days, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            BusinessDays.Add(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void Add_Throws_WhenDaysNegative() => Assert.Throws<ArgumentOutOfRangeException>(() => BusinessDays.Add(DateTimeOffset.UnixEpoch, -1));
}
