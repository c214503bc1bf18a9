namespace CareFlow.Benchmarks.Reporting;

/// <summary>One goal from issue 3, item 13, with the measured value.</summary>
public sealed record Goal(string Description, string Measured, bool Met)
{
    public string Verdict => Met ? "PASS" : "MISS";
}
