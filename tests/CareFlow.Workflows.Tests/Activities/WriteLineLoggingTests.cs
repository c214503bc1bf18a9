using CareFlow.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace CareFlow.Workflows.Tests.Activities;

/// <summary><c>Elsa.WriteLine</c> goes to logging, rate-limited, with the text only at Debug and cut short.</summary>
public sealed class WriteLineLoggingTests
{
    [Fact]
    public void Lines_AreLoggedUnderTheirCategory_WithoutTheTextAtInformation()
    {
        var loggers = new CapturingLoggerFactory(LogLevel.Information);
        using var writer = new LoggingWorkflowLineWriter(loggers);

        writer.WriteLine(new WorkflowLine("inst-1", "def-1", "say", "Client Jane Doe, DOB 1980-01-01"));

        var entry = Assert.Single(loggers.Entries);
        Assert.Equal(LoggingWorkflowLineWriter.Category, entry.Category);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("inst-1", entry.Message, StringComparison.Ordinal);
        Assert.Contains("31 characters", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_IsLoggedAtDebugOnly_AndCutShort()
    {
        var loggers = new CapturingLoggerFactory(LogLevel.Debug);
        using var writer = new LoggingWorkflowLineWriter(loggers);

        writer.WriteLine(new WorkflowLine("inst-1", "def-1", "say", new string('x', 5000)));

        var debug = Assert.Single(loggers.Entries, e => e.Level == LogLevel.Debug);
        Assert.Contains(new string('x', LoggingWorkflowLineWriter.MaxLoggedCharacters) + "…", debug.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', LoggingWorkflowLineWriter.MaxLoggedCharacters + 1), debug.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFlood_IsCutAtTheBucket_AndTheDroppedLinesAreCountedInOneWarning()
    {
        var loggers = new CapturingLoggerFactory(LogLevel.Information);
        using var writer = new LoggingWorkflowLineWriter(loggers);

        for (var i = 0; i < 10_000; i++) writer.WriteLine(new WorkflowLine("inst-1", "def-1", "say", "tick"));
        var logged = loggers.Entries.Count;
        // The bucket refills while the loop runs, so a little more than the burst may pass, never the flood.
        Assert.InRange(logged, LoggingWorkflowLineWriter.BurstLines, LoggingWorkflowLineWriter.BurstLines + 200);

        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        writer.WriteLine(new WorkflowLine("inst-1", "def-1", "say", "after"));

        var warning = Assert.Single(loggers.Entries, e => e.Level == LogLevel.Warning);
        Assert.Matches(@"^\d+ workflow WriteLine lines were dropped", warning.Message);
        Assert.Equal(10_000 - logged, long.Parse(warning.Message.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed record Entry(string Category, LogLevel Level, string Message);

    private sealed class CapturingLoggerFactory(LogLevel minimum) : ILoggerFactory
    {
        private readonly List<Entry> _entries = [];

        public IReadOnlyList<Entry> Entries
        {
            get
            {
                lock (_entries) return [.. _entries];
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.MinimumLevel;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel)) return;
                lock (owner._entries) owner._entries.Add(new Entry(category, logLevel, formatter(state, exception)));
            }
        }

        private LogLevel MinimumLevel => minimum;
    }
}
