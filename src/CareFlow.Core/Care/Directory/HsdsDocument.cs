namespace CareFlow.Core.Care.Directory;

/// <summary>The records read from one HSDS file.</summary>
internal sealed record HsdsDocument(List<Organization> Organizations, List<Service> Services, List<Location> Locations, List<ServiceAtLocation> ServiceAtLocations, List<CostOption> CostOptions);
