namespace CareFlow.Core.Care.Barriers;

/// <summary>The barrier taxonomy of domain.md §7.</summary>
public enum BarrierCategory
{
    Cost,
    Eligibility,
    Capacity,
    Documents,
    Transport,
    Language,
    Policy,
    Stigma,
    Other,
}
