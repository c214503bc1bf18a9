namespace CareFlow.Core.Care.Directory;

/// <summary>HSDS <c>location</c> with its physical address flattened.</summary>
public sealed class Location
{
    public string Id { get; set; } = "";

    public string OrganizationId { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Address { get; set; }

    public string? City { get; set; }

    public string? Region { get; set; }

    public string? PostalCode { get; set; }
}
