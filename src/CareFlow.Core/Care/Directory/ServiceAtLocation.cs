namespace CareFlow.Core.Care.Directory;

/// <summary>HSDS <c>service_at_location</c>.</summary>
public sealed class ServiceAtLocation
{
    public string Id { get; set; } = "";

    public string ServiceId { get; set; } = "";

    public string LocationId { get; set; } = "";
}
