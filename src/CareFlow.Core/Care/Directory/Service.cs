namespace CareFlow.Core.Care.Directory;

/// <summary>HSDS <c>service</c>, with the fields CareFlow shows and refers on.</summary>
public sealed class Service
{
    public string Id { get; set; } = "";

    public string OrganizationId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>HSDS status: active, inactive, defunct, temporarily closed.</summary>
    public string Status { get; set; } = "active";

    public string? Description { get; set; }

    /// <summary>The need domain it addresses (housing, food, transportation, utilities, safety, …).</summary>
    public string? Category { get; set; }

    public string? ApplicationProcess { get; set; }

    public string? FeesDescription { get; set; }

    public string? EligibilityDescription { get; set; }

    public int? MinimumAge { get; set; }

    public int? MaximumAge { get; set; }

    /// <summary>Comma-separated language codes.</summary>
    public string Languages { get; set; } = "";

    /// <summary>Where referral notifications go (the HSDS contact email).</summary>
    public string? ReferralEmail { get; set; }

    public DateOnly? AssuredDate { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsActive => string.Equals(Status, "active", StringComparison.OrdinalIgnoreCase);
}
