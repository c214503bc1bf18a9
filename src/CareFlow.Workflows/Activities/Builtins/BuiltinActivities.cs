namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>The Elsa built-ins CareFlow runs, under their Elsa type names.</summary>
public static class BuiltinActivities
{
    /// <summary>The activity classes.</summary>
    public static IReadOnlyList<Type> Types { get; } =
    [
        typeof(Flowchart), typeof(Start), typeof(End), typeof(Finish), typeof(WriteLine), typeof(SetVariable),
        typeof(FlowDecision), typeof(FlowSwitch), typeof(FlowFork), typeof(FlowJoin), typeof(Delay), typeof(StartAt),
        typeof(Timer), typeof(Event), typeof(PublishEvent), typeof(Correlate),
    ];
}
