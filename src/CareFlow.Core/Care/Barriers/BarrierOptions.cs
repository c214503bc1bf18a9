using System.ComponentModel.DataAnnotations;

namespace CareFlow.Core.Care.Barriers;

/// <summary>How barrier costs are recorded, bound to the "Barriers" section.</summary>
public sealed class BarrierOptions
{
    public const string SectionName = "Barriers";

    /// <summary>The ISO 4217 code every cost amount is recorded in.</summary>
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Barriers:Currency must be an ISO 4217 code such as USD.")]
    public string Currency { get; set; } = "USD";
}
