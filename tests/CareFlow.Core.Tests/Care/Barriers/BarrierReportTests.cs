using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Barriers.Reporting;

namespace CareFlow.Core.Tests.Care.Barriers;

public sealed class BarrierReportTests
{
    private static List<BarrierFact> Facts(BarrierCategory category, string service, string area, string month, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new BarrierFact(category, service, area, month))];

    private static BarrierTable TableOf(IReadOnlyList<BarrierTable> tables, string dimension) => tables.Single(t => t.Dimension == dimension);

    [Fact]
    public void Apply_HidesCountsFromOneToTen_AndShowsZeroAndEleven()
    {
        var hidden = SmallCountSuppression.Apply([0, 1, 10, 11, 40], []);
        Assert.Equal([false, true, true, false, false], hidden);
    }

    [Fact]
    public void Apply_HidesTheNextSmallestEntry_WhenOneHiddenCellCouldBeRecoveredFromTheTotal()
    {
        // 5 + 20 + 30 = 55: showing 20, 30 and 55 would reveal the 5.
        var hidden = SmallCountSuppression.Apply([5, 20, 30, 55], [[0, 1, 2, 3]]);
        Assert.Equal([true, true, false, false], hidden);
    }

    [Fact]
    public void Apply_LeavesTheLineAlone_WhenTwoCellsAreAlreadyHidden()
    {
        var hidden = SmallCountSuppression.Apply([5, 3, 30, 38], [[0, 1, 2, 3]]);
        Assert.Equal([true, true, false, false], hidden);
    }

    [Fact]
    public void Apply_HidesTheTotal_WhenTheOnlyOtherEntriesAreZero()
    {
        // 0 + 7 = 7 with the 7 hidden: the total would give it away, and it is under 11 itself anyway; 0 + 12 + 0 stays.
        Assert.Equal([false, true, true], SmallCountSuppression.Apply([0, 7, 7], [[0, 1, 2]]));
        Assert.Equal([false, false, false, false], SmallCountSuppression.Apply([0, 12, 0, 12], [[0, 1, 2, 3]]));
    }

    [Fact]
    public void Apply_ReachesAFixpoint_InATwoWayTableWithMargins()
    {
        // 2x2 cells a b / c d, row totals, column totals, grand total, laid out as a 3x3 grid.
        //  3  20 | 23
        // 30  40 | 70
        // 33  60 | 93
        int[] v = [3, 20, 23, 30, 40, 70, 33, 60, 93];
        int[][] lines = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8]];
        var hidden = SmallCountSuppression.Apply(v, lines);
        foreach (var line in lines)
            Assert.NotEqual(1, line.Count(i => hidden[i]));
        Assert.True(hidden[0]);
    }

    [Fact]
    public void Build_SuppressesSmallCountsAndTheirComplement_InEveryTable()
    {
        var facts = Facts(BarrierCategory.Cost, "Food bank", "North", "2026-10", 4)
            .Concat(Facts(BarrierCategory.Transport, "Shelter", "South", "2026-11", 25))
            .Concat(Facts(BarrierCategory.Language, "Clinic", "South", "2026-11", 30)).ToList();
        var tables = BarrierReport.Build(facts);

        var category = TableOf(tables, "category");
        Assert.Equal(Enum.GetValues<BarrierCategory>().Length, category.Rows.Count);
        Assert.Null(category.Rows.Single(r => r.Label == "cost").Value);
        // Complementary: the smallest other non-zero count (transport, 25) is hidden too, the total stays.
        Assert.Null(category.Rows.Single(r => r.Label == "transport").Value);
        Assert.Equal(30, category.Rows.Single(r => r.Label == "language").Value);
        Assert.Equal(0, category.Rows.Single(r => r.Label == "stigma").Value);
        Assert.Equal(59, category.Total.Value);

        var month = TableOf(tables, "month");
        Assert.Equal(["2026-10", "2026-11"], month.Rows.Select(r => r.Label));
        // 4 and 55 with a total of 59: both parts must hide, or 59 - 55 gives the 4.
        Assert.All(month.Rows, r => Assert.True(r.Suppressed));
        Assert.Equal("<11", month.Rows[0].Display);
        Assert.Equal(59, month.Total.Value);
    }

    [Fact]
    public void Build_HidesEverything_WhenTheTotalIsUnderEleven()
    {
        var tables = BarrierReport.Build(Facts(BarrierCategory.Cost, "Food bank", "North", "2026-10", 6));
        Assert.All(tables, t =>
        {
            Assert.True(t.Total.Suppressed);
            Assert.All(t.Rows, r => Assert.True(r.Value is null or 0));
        });
    }

    [Fact]
    public void Build_OrdersRowsByLabel_NeverByCount()
    {
        var facts = Facts(BarrierCategory.Cost, "Zeta", "A", "2026-10", 30).Concat(Facts(BarrierCategory.Cost, "Alpha", "A", "2026-10", 12))
            .Concat(Facts(BarrierCategory.Cost, BarrierReport.NotRecorded, "A", "2026-10", 15)).ToList();
        Assert.Equal(["Alpha", "Zeta", BarrierReport.NotRecorded], TableOf(BarrierReport.Build(facts), "service").Rows.Select(r => r.Label));
    }

    [Fact]
    public void Csv_WritesSuppressedCountsAsTextAndNeutralisesFormulas()
    {
        var facts = Facts(BarrierCategory.Cost, "=HYPERLINK(\"http://x\")", "+North", "2026-10", 12)
            .Concat(Facts(BarrierCategory.Cost, "@Clinic, East", "-South", "2026-10", 3)).ToList();
        var csv = BarrierReportCsv.Write(BarrierReport.Build(facts));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("dimension,label,count", lines[0]);
        Assert.Contains("service,\"'@Clinic, East\",<11", lines);
        Assert.Contains("service,\"'=HYPERLINK(\"\"http://x\"\")\",<11", lines);
        Assert.Contains("area,'+North,<11", lines);
        Assert.Contains("area,'-South,<11", lines);
        Assert.Contains("service,Total,15", lines);
        Assert.DoesNotContain(lines, l => l.EndsWith(",3", StringComparison.Ordinal) || l.EndsWith(",12", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("<11", "<11")]
    public void Cell_NeutralisesAndQuotes(string value, string expected) => Assert.Equal(expected, BarrierReportCsv.Cell(value));
}
