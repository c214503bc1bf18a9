using CareFlow.Core.Care.Directory;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>A directory service with its organisation's name and cost options; <c>Service.UpdatedAt</c> shows freshness.</summary>
public sealed record ServiceListing(Service Service, string OrganizationName, IReadOnlyList<CostOption> CostOptions);
