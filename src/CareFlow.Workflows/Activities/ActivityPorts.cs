namespace CareFlow.Workflows.Activities;

/// <summary>Well-known port names.</summary>
public static class ActivityPorts
{
    /// <summary>The default outcome of an activity.</summary>
    public const string Done = "Done";

    /// <summary>The implicit inbound port.</summary>
    public const string In = "In";
}
