namespace CareFlow.Workflows.Activities;

/// <summary>What an activity's execution ended with: completion with outcomes, or waiting on bookmarks.</summary>
public sealed class ActivityResult
{
    private ActivityResult(IReadOnlyList<string> outcomes, bool suspended)
    {
        Outcomes = outcomes;
        IsSuspended = suspended;
    }

    /// <summary>The outcomes (ports) to follow when completed.</summary>
    public IReadOnlyList<string> Outcomes { get; }

    /// <summary>True when the activity waits on the bookmarks it created.</summary>
    public bool IsSuspended { get; }

    /// <summary>Completed with the default outcome.</summary>
    public static ActivityResult Done { get; } = new([ActivityPorts.Done], false);

    /// <summary>Waiting on the bookmarks created during this execution.</summary>
    public static ActivityResult Suspend { get; } = new([], true);

    /// <summary>Completed with the given outcomes.</summary>
    public static ActivityResult WithOutcomes(params string[] outcomes) => new(outcomes, false);

    /// <summary>Completed with the given outcomes.</summary>
    public static ActivityResult WithOutcomes(IEnumerable<string> outcomes) => new([.. outcomes], false);
}
