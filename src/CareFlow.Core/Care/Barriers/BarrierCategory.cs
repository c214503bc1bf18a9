namespace CareFlow.Core.Care.Barriers;

/// <summary>The barrier taxonomy: what kept a client from a service, counted in the systemic-barrier report.</summary>
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
