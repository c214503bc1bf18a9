namespace CareFlow.Core.Care.Advocacy;

/// <summary>What the coordinator did for the client, in the seeds' terms.</summary>
public enum AdvocacyKind
{
    Empowerment,
    Navigation,
    EmotionalSupport,
    Resources,
    Cooperation,
    SystemicIssue,
}
