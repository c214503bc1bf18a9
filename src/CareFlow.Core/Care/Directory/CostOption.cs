namespace CareFlow.Core.Care.Directory;

/// <summary>HSDS <c>cost_option</c>; barriers of kind cost link here.</summary>
public sealed class CostOption
{
    public string Id { get; set; } = "";

    public string ServiceId { get; set; } = "";

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public string? Option { get; set; }

    public string? Currency { get; set; }

    public decimal? Amount { get; set; }

    public string? AmountDescription { get; set; }
}
