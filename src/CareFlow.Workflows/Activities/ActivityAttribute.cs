namespace CareFlow.Workflows.Activities;

/// <summary>Declares an activity type: its JSON type name is <c>{Namespace}.{Name}</c>.</summary>
/// <param name="ns">The type-name namespace, <c>Elsa</c> for built-ins, <c>CareFlow</c> for CareFlow's own.</param>
/// <param name="name">The type-name's last part; defaults to the class name.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string ns, string? name = null) : Attribute
{
    /// <summary>The type-name namespace.</summary>
    public string Namespace { get; } = ns;

    /// <summary>The type-name's last part, or null for the class name.</summary>
    public string? Name { get; } = name;

    /// <summary>The toolbox group in the designer.</summary>
    public string Category { get; init; } = "Miscellaneous";

    /// <summary>The name shown in the designer.</summary>
    public string? DisplayName { get; init; }

    /// <summary>What the activity does, shown in the designer.</summary>
    public string? Description { get; init; }

    /// <summary>Action, Trigger, Job or Task.</summary>
    public ActivityKind Kind { get; init; } = ActivityKind.Action;

    /// <summary>Whether the designer's toolbox lists it.</summary>
    public bool IsBrowsable { get; init; } = true;

    /// <summary>Whether it is the flowchart's designated start (<c>Elsa.Start</c>).</summary>
    public bool IsStart { get; init; }

    /// <summary>Whether it ends its flowchart or workflow (<c>Elsa.End</c>, <c>Elsa.Finish</c>).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>
    /// Whether it can stop the burst on a bookmark that something outside must resume (a timer, an event). Activities
    /// that override <see cref="Activity.ResumeAsync"/> wait too; see <see cref="ActivityType.CanWait"/>.
    /// </summary>
    public bool Waits { get; init; }

    /// <summary>Whether it follows every one of its ports at once (a fork) rather than choosing among them.</summary>
    public bool FollowsEveryPort { get; init; }

    /// <summary>Whether its outcomes are only the ports it names (no implicit <c>Done</c>).</summary>
    public bool HasNamedOutcomesOnly { get; init; }
}
