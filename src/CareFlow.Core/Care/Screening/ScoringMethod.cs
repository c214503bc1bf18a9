namespace CareFlow.Core.Care.Screening;

public enum ScoringMethod
{
    /// <summary>Positive when any selected option of the domain's questions is positive.</summary>
    AnyPositiveOption,

    /// <summary>Positive when the sum of the selected options' scores exceeds the threshold.</summary>
    SumGreaterThan,
}
