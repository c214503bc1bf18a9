using System.Diagnostics;
using Jint;

namespace CareFlow.Workflows.Expressions;

/// <summary>
/// The script's time limit checked at every statement. Jint's own timeout is checked only every so many statements,
/// so a script that catches a regular expression's timeout could start another match, and another, before it noticed;
/// checked at every statement, the first statement after a caught match timeout ends the script.
/// </summary>
internal sealed class ScriptDeadline(TimeSpan limit) : Constraint
{
    private long _deadline;

    /// <inheritdoc />
    public override void Check()
    {
        if (_deadline != 0 && Stopwatch.GetTimestamp() >= _deadline) throw new TimeoutException();
    }

    /// <inheritdoc />
    public override void Reset() => _deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
}
