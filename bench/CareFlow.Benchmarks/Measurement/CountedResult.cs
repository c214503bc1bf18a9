namespace CareFlow.Benchmarks.Measurement;

/// <summary>(e) Per-operation averages: what EF sent (client side) and what PostgreSQL counted (server side, idle-corrected).</summary>
public sealed record CountedResult(
    int Operations,
    double Commands,
    double Statements,
    double AutocommitCommands,
    double ExplicitCommits,
    double ServerTransactions,
    double ServerStatements,
    IReadOnlyList<(string Query, double PerOperation)> ServerBreakdown,
    IReadOnlyList<string> Trace)
{
    /// <summary>Transactions EF made: explicit commits plus each command sent outside a transaction (an implicit one).</summary>
    public double ClientTransactions => ExplicitCommits + AutocommitCommands;
}
