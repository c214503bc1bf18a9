using System.Text.Json.Nodes;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Expressions;
using CareFlow.Workflows.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace CareFlow.Workflows.Tests;

/// <summary>Runs definitions in memory with a fake clock and the lines written by <c>Elsa.WriteLine</c> captured.</summary>
public sealed class WorkflowHarness : IDisposable
{
    private readonly CapturedLines _output = new();

    public WorkflowHarness(ScriptLimits? limits = null, WorkflowBudget? budget = null)
    {
        Catalogue = new ActivityCatalogue();
        var evaluator = new ExpressionEvaluator(new JavaScriptEvaluator(limits ?? new ScriptLimits()));
        Runner = new WorkflowRunner(new WorkflowRuntimeServices(Catalogue, evaluator, Clock, EmptyServices.Instance, _output, budget ?? new WorkflowBudget()));
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public ActivityCatalogue Catalogue { get; }

    public WorkflowRunner Runner { get; }

    public List<JournalEntry> Journal { get; } = [];

    public IReadOnlyList<string> Lines => _output.Texts;

    public IReadOnlyList<WorkflowLine> WrittenLines => _output.All;

    public static WorkflowDefinition Load(string path) => WorkflowDefinitionParser.Parse(File.ReadAllBytes(path));

    public static WorkflowDefinition Parse(string json) => WorkflowDefinitionParser.Parse(json);

    public async Task<WorkflowState> StartAsync(WorkflowDefinition definition, StartWorkflowRequest? request = null)
    {
        var result = await Runner.StartAsync(definition, request ?? new StartWorkflowRequest(), TestContext.Current.CancellationToken);
        Journal.AddRange(result.Journal);
        return result.State;
    }

    public async Task<WorkflowState> ResumeAsync(WorkflowDefinition definition, WorkflowState state, string bookmarkId, JsonObject? input = null)
    {
        var result = await Runner.ResumeAsync(definition, state, bookmarkId, input, TestContext.Current.CancellationToken);
        Journal.AddRange(result.Journal);
        return result.State;
    }

    /// <summary>Advances the clock to each due timer in turn and resumes it, until no timer is left.</summary>
    public async Task<WorkflowState> RunTimersAsync(WorkflowDefinition definition, WorkflowState state)
    {
        while (state.Bookmarks.Where(b => b.ResumeAt is not null).OrderBy(b => b.ResumeAt).FirstOrDefault() is { } next)
        {
            if (next.ResumeAt > Clock.GetUtcNow()) Clock.SetUtcNow(next.ResumeAt!.Value);
            state = await ResumeAsync(definition, state, next.Id);
        }

        return state;
    }

    public void Dispose()
    {
    }

    private sealed class CapturedLines : IWorkflowLineWriter
    {
        private readonly List<WorkflowLine> _lines = [];

        public IReadOnlyList<WorkflowLine> All
        {
            get
            {
                lock (_lines) return [.. _lines];
            }
        }

        public IReadOnlyList<string> Texts => [.. All.Select(l => l.Text ?? "")];

        public void WriteLine(WorkflowLine line)
        {
            lock (_lines) _lines.Add(line);
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
