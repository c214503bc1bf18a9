namespace CareFlow.Core.Care.Barriers;

/// <summary>Whether a barrier still blocks the client.</summary>
public enum BarrierStatus
{
    Open,
    Resolved,
}
