using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace CareFlow.Workflows.Runtime;

/// <summary>
/// Sends <c>Elsa.WriteLine</c> to logging under the category <c>CareFlow.Workflows.WriteLine</c>, never to standard
/// output, through one token bucket per node (a burst of <see cref="BurstLines"/>, then <see cref="LinesPerSecond"/>
/// a second); lines beyond it are dropped and counted in one warning when lines flow again.
/// The text may hold client data, so Information carries only ids and the length; the text itself is logged at Debug,
/// cut to <see cref="MaxLoggedCharacters"/> characters, and Debug is off for this category unless an operator turns it on.
/// </summary>
public sealed partial class LoggingWorkflowLineWriter : IWorkflowLineWriter, IDisposable
{
    /// <summary>The logging category.</summary>
    public const string Category = "CareFlow.Workflows.WriteLine";

    /// <summary>Lines accepted at once before the rate applies.</summary>
    public const int BurstLines = 100;

    /// <summary>Lines accepted per second once the burst is spent.</summary>
    public const int LinesPerSecond = 20;

    /// <summary>The most characters of a line's text that Debug logging shows.</summary>
    public const int MaxLoggedCharacters = 200;

    private readonly ILogger _logger;
    private readonly TokenBucketRateLimiter _bucket;
    private long _dropped;

    /// <summary>Creates the writer with its own bucket.</summary>
    public LoggingWorkflowLineWriter(ILoggerFactory loggers)
    {
        _logger = loggers.CreateLogger(Category);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = BurstLines,
            TokensPerPeriod = LinesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <inheritdoc />
    public void WriteLine(WorkflowLine line)
    {
        using var lease = _bucket.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        var dropped = Interlocked.Exchange(ref _dropped, 0);
        if (dropped > 0) LinesDropped(dropped, LinesPerSecond);
        var text = line.Text ?? "";
        LineWritten(line.DefinitionId, line.InstanceId, line.ActivityId, text.Length);
        if (_logger.IsEnabled(LogLevel.Debug)) LineText(line.InstanceId, line.ActivityId, text.Length > MaxLoggedCharacters ? text[..MaxLoggedCharacters] + "…" : text);
    }

    /// <inheritdoc />
    public void Dispose() => _bucket.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow {DefinitionId} instance {InstanceId} activity {ActivityId} wrote a line of {Length} characters")]
    private partial void LineWritten(string definitionId, string instanceId, string activityId, int length);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Instance {InstanceId} activity {ActivityId} wrote: {Text}")]
    private partial void LineText(string instanceId, string activityId, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Dropped} workflow WriteLine lines were dropped by the rate limit ({PerSecond} a second per node)")]
    private partial void LinesDropped(long dropped, int perSecond);
}
